import type { Searcher } from './searcher.js';
import type { Matches } from './postings.js';
import { firstByScore } from './top-k.js';
import { RANKING } from './ranking-options.js';

const PROXIMITY_CANDIDATES = RANKING.proximityCandidates;
const PROXIMITY_WINDOW = RANKING.proximityWindow;
const PROXIMITY_BONUS = RANKING.proximityBonus;

/**
 * Ranks higher the matches where the query's words stand next to each
 * other, in the query's order, as a reader who types "coopération
 * stratégique" means the phrase more than two distant words (Meilisearch's
 * proximity rule). Only the best-scored matches are checked, on the term
 * positions saved with the index; their score grows by up to half.
 */
export function rewardProximity(searcher: Searcher, matches: Matches, clauses: { terms: string[] }[]): Matches {
  const pairs = Math.min(clauses.length, 31) - 1;
  if (pairs < 1 || matches.docs.length === 0) return matches;
  // Which clauses each term belongs to, as bits, in the build's array by term id, cleared after use.
  const clauseBits = searcher.clauseBits;
  const marked: number[] = [];
  clauses.slice(0, pairs + 1).forEach((clause, c) => {
    for (const term of clause.terms) {
      for (const part of term.split('-')) {
        const id = searcher.positions.termId(part);
        if (id < 0) continue;
        if (clauseBits[id] === 0) marked.push(id);
        clauseBits[id] |= 1 << c;
      }
    }
  });
  const scores = searcher.scratch.float64Array('proximity-scores', matches.scores.length);
  const lastSeen = new Float64Array(pairs + 1);
  scores.set(matches.scores);
  for (const k of firstByScore(matches.scores.length, PROXIMITY_CANDIDATES, matches.scores, null)) {
    const n = matches.docs[k];
    const together = adjacentPairs(searcher.positions.sequence(n, 0), clauseBits, pairs, lastSeen) | adjacentPairs(searcher.positions.sequence(n, 1), clauseBits, pairs, lastSeen);
    scores[k] *= 1 + (PROXIMITY_BONUS * bitCount(together)) / pairs;
  }
  for (const id of marked) clauseBits[id] = 0;
  return { docs: matches.docs, scores };
}

/**
 * The pairs of consecutive clauses (bit c for clauses c - 1 and c) whose
 * terms stand in order within PROXIMITY_WINDOW positions somewhere in the
 * sequence, in one pass over it (`lastSeen`: a slot per clause, reused).
 */
function adjacentPairs(sequence: Int32Array, clauseBits: Int32Array, pairs: number, lastSeen: Float64Array): number {
  lastSeen.fill(-Infinity);
  let found = 0;
  for (let p = 0; p < sequence.length; p++) {
    const id = sequence[p];
    const bits = id >= 0 ? clauseBits[id] : 0;
    if (bits === 0) continue;
    for (let c = 0; c <= pairs; c++) {
      if ((bits & (1 << c)) === 0) continue;
      if (c > 0 && p - lastSeen[c - 1] <= PROXIMITY_WINDOW) found |= 1 << c;
      lastSeen[c] = p;
    }
  }
  return found;
}

function bitCount(bits: number): number {
  let count = 0;
  for (; bits !== 0; bits &= bits - 1) count++;
  return count;
}

