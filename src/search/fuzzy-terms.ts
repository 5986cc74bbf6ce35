/**
 * Typo look-ups (`termsNear`, postings.ts) straight on the index's sorted
 * term list: the terms within a Levenshtein distance of a word, with their
 * distance, in term order.
 *
 * Why not MiniSearch's SearchableMap (`fuzzyGet`), which answered before: its
 * radix tree is a Map of Maps of JavaScript objects, 17 MB at 100 000
 * articles made anew in every serving thread, for a walk the sorted list
 * affords as well. The walk here is the radix tree's, done over the sorted
 * array: terms sharing a beginning are neighbours, so the Levenshtein rows
 * of the beginning a term shares with the one before it are kept, and a
 * beginning whose row is already past the distance skips, by a galloping
 * search, every term that starts with it (the subtree the radix walk would
 * prune). Nothing is made per build; each look-up allocates one small
 * matrix. About twice the radix walk's time (0.4 ms against 0.2 ms a
 * look-up at 100 000 articles, bench/fuzzy-terms.ts), paid once per
 * unknown word (typoCache). MiniSearch's tree, built by sorted inserts, lists its answers in
 * term order too: tests/fuzzy-terms.test.ts checks both answer alike.
 */

/** Indexed terms (sorted, unique) within `maxDistance` edits (insertions, deletions, substitutions) of `query`, with their distance, in term order. */
export function termsWithin(terms: readonly string[], query: string, maxDistance: number): [string, number][] {
  const found: [string, number][] = [];
  const width = query.length + 1;
  // No term longer than this is within the distance; a row per letter of a term, up to it.
  const deepest = query.length + maxDistance;
  // MiniSearch's banded matrix: row r (the first r letters of a term) is computed only within maxDistance of column r,
  // the cells outside the band holding maxDistance + 1 for good (every row is always computed over the same band).
  const rows = new Uint8Array((deepest + 1) * width).fill(maxDistance + 1);
  for (let j = 0; j < width; j++) rows[j] = j;
  for (let r = 1; r <= deepest; r++) rows[r * width] = r;
  // The rows 1..valid are those of the first `valid` letters of `previous`.
  let previous = '';
  let valid = 0;
  let id = 0;
  while (id < terms.length) {
    const term = terms[id];
    let depth = 0;
    const shared = Math.min(valid, term.length);
    while (depth < shared && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
    let pruned = -1;
    for (; depth < term.length && depth < deepest; depth++) {
      const r = depth + 1;
      const row = r * width;
      const above = row - width;
      const letter = term.charCodeAt(depth);
      let least = rows[row];
      const last = Math.min(width - 1, r + maxDistance);
      for (let j = Math.max(1, r - maxDistance); j <= last; j++) {
        const substitution = rows[above + j - 1] + (letter === query.charCodeAt(j - 1) ? 0 : 1);
        const deletion = rows[above + j] + 1;
        const insertion = rows[row + j - 1] + 1;
        const distance = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion;
        rows[row + j] = distance;
        if (distance < least) least = distance;
      }
      // Distances never decrease along a term: no term with this beginning is near.
      if (least > maxDistance) {
        pruned = depth + 1;
        break;
      }
    }
    previous = term;
    if (pruned >= 0) {
      valid = pruned - 1;
      id = pastPrefix(terms, id, term.slice(0, pruned));
      continue;
    }
    valid = depth;
    if (depth === term.length) {
      const distance = rows[depth * width + width - 1];
      if (distance <= maxDistance) found.push([term, distance]);
      id++;
    } else {
      // Longer than any near term: so are all the terms that start with its first `deepest` letters.
      id = pastPrefix(terms, id, term.slice(0, deepest));
    }
  }
  return found;
}

/** The first term from `from` on that does not start with `prefix` (terms[from] does; they are sorted): galloping, as most beginnings pruned start few terms. */
function pastPrefix(terms: readonly string[], from: number, prefix: string): number {
  // terms[known] starts with it; terms[probe] is the next one tried, twice as far each time.
  let known = from;
  let probe = from + 1;
  while (probe < terms.length && terms[probe].startsWith(prefix)) {
    known = probe;
    probe = from + 2 * (probe - from);
  }
  let low = known + 1;
  let high = Math.min(probe, terms.length);
  while (low < high) {
    const mid = (low + high) >> 1;
    if (terms[mid].startsWith(prefix)) low = mid + 1;
    else high = mid;
  }
  return low;
}
