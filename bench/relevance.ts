/**
 * Known-item relevance, two ways, each built from the raw texts, never from
 * an index:
 * - typed variants: pick articles, take a distinctive phrase of their own
 *   text (the three consecutive long words with the highest IDF), and type it
 *   as a person would: another inflection, accents dropped, one typo, or the
 *   last word unfinished;
 * - remembered words: three words of the article that are each common in the
 *   archive (in 0.05 % to 2 % of the articles) but together in that article
 *   only, as a reader remembers "Pyongyang, sanctions, pétrole" rather than
 *   the article's rarest words.
 * Each engine's top 10 is scored by MRR@10 and recall@10.
 */
import type { Article } from '../src/ingest/types.js';
import { rng } from './generate-corpus.js';
import type { Peer } from './peers/types.js';

export const VARIANTS = ['inflected', 'no accents', 'typo', 'prefix'] as const;
export type Variant = (typeof VARIANTS)[number] | 'remembered words';

export interface KnownItemQuery {
  target: string;
  variant: Variant;
  q: string;
  phrase: string;
}

const WORD = /[\p{L}]+(?:['’-][\p{L}]+)*/gu;
const SHORT_OR_STOP = new Set(['dans', 'pour', 'avec', 'sans', 'sous', 'vers', 'entre', 'contre', 'leur', 'leurs', 'cette', 'notre', 'nous', 'elle', 'elles', 'sont', 'était', 'avait', 'aussi', 'plus', 'tout', 'tous', 'toute', 'toutes', 'deux', 'selon', 'dont', 'mais', 'être', 'avoir', 'fait', 'peut', 'doit', 'entend', 'pourrait']);

function words(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => m[0].replace(/^(?:l|d|qu|n|s|c|j|m)['’]/i, '')).filter((w) => w.length >= 4 && !SHORT_OR_STOP.has(w.toLowerCase()));
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Another inflection of a French word, by the commonest endings. */
function inflect(w: string): string {
  if (/[sx]$/.test(w)) return w.slice(0, -1);
  if (/ée$/.test(w)) return w.slice(0, -1) + 's';
  if (/é$/.test(w)) return w + 'e';
  if (/er$/.test(w)) return w.slice(0, -2) + 'é';
  if (/ent$/.test(w)) return w.slice(0, -3) + 'e';
  if (/ait$/.test(w)) return w.slice(0, -3) + 'er';
  if (/al$/.test(w)) return w.slice(0, -2) + 'aux';
  return w + 's';
}

function typo(phrase: string[], random: () => number): string[] {
  const longest = phrase.reduce((best, w, k) => (w.length > phrase[best].length ? k : best), 0);
  const w = phrase[longest];
  const k = 1 + Math.floor(random() * (w.length - 2));
  const out = [...phrase];
  out[longest] = random() < 0.5 ? w.slice(0, k) + w.slice(k + 1) : w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2); // deletion or swap
  return out;
}

/** Document frequency of each lowercased word, on the raw texts. */
function documentFrequencies(articles: Article[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const a of articles) for (const w of new Set(words(a.text).map((x) => x.toLowerCase()))) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

export function knownItemQueries(articles: Article[], count: number, seed = 11): KnownItemQuery[] {
  const random = rng(seed);
  const df = documentFrequencies(articles);
  const idf = (w: string) => Math.log(articles.length / (df.get(w.toLowerCase()) ?? 1));
  const picked = count >= articles.length ? articles.map((_, n) => n) : Array.from({ length: count }, () => Math.floor(random() * articles.length));
  const queries: KnownItemQuery[] = [];
  for (const n of picked) {
    const article = articles[n];
    const list = words(article.text);
    if (list.length < 3) continue;
    let best = 0;
    let bestScore = -1;
    for (let k = 0; k + 3 <= list.length; k++) {
      const score = idf(list[k]) + idf(list[k + 1]) + idf(list[k + 2]);
      if (score > bestScore) [best, bestScore] = [k, score];
    }
    const phrase = list.slice(best, best + 3).map((w) => w.toLowerCase());
    for (const variant of VARIANTS) {
      let q: string[];
      if (variant === 'inflected') q = phrase.map(inflect);
      else if (variant === 'no accents') q = phrase.map(stripAccents);
      else if (variant === 'typo') q = typo(phrase, random);
      else q = [...phrase.slice(0, -1), phrase[2].slice(0, Math.max(3, Math.ceil(phrase[2].length * 0.6)))];
      queries.push({ target: article.id, variant, q: q.join(' '), phrase: phrase.join(' ') });
    }
  }
  return queries;
}

/** Words of an article a reader may remember: long, not stop words, lowercased, each once. */
function distinctWords(text: string): string[] {
  return [...new Set(words(text).map((w) => w.toLowerCase()))];
}

export function rememberedWordsQueries(articles: Article[], count: number, seed = 13): KnownItemQuery[] {
  const random = rng(seed);
  const df = documentFrequencies(articles);
  const low = Math.max(2, articles.length * 0.0005);
  const high = Math.max(3, articles.length * 0.02);
  // A few candidate triples per picked article, in text order; the first that no other article holds is kept.
  const candidates: { target: number; words: string[]; holders: number }[] = [];
  for (let pick = 0; pick < count; pick++) {
    const target = Math.floor(random() * articles.length);
    const band = distinctWords(articles[target].text).filter((w) => (df.get(w) ?? 0) >= low && (df.get(w) ?? 0) <= high);
    if (band.length < 3) continue;
    for (let attempt = 0; attempt < 8; attempt++) {
      const chosen = new Set<number>();
      while (chosen.size < 3) chosen.add(Math.floor(random() * band.length));
      candidates.push({ target, words: [...chosen].sort((a, b) => a - b).map((k) => band[k]), holders: 0 });
    }
  }
  const byFirstWord = new Map<string, typeof candidates>();
  for (const c of candidates) byFirstWord.set(c.words[0], [...(byFirstWord.get(c.words[0]) ?? []), c]);
  for (const article of articles) {
    const present = new Set(distinctWords(article.text));
    for (const w of present) for (const c of byFirstWord.get(w) ?? []) if (present.has(c.words[1]) && present.has(c.words[2])) c.holders++;
  }
  const queries: KnownItemQuery[] = [];
  const done = new Set<number>();
  for (const c of candidates) {
    if (c.holders !== 1 || done.has(c.target)) continue;
    done.add(c.target);
    const q = c.words.join(' ');
    queries.push({ target: articles[c.target].id, variant: 'remembered words', q, phrase: q });
  }
  return queries;
}

export interface RelevanceScores {
  mrr: number;
  recall: number;
  byVariant: Partial<Record<Variant, { mrr: number; recall: number }>>;
}

export async function evaluate(peer: Pick<Peer, 'search'>, queries: KnownItemQuery[]): Promise<RelevanceScores> {
  const sums = new Map<Variant, { rr: number; hit: number; n: number }>();
  for (const query of queries) {
    const ids = await peer.search({ q: query.q });
    const rank = ids.indexOf(query.target);
    if (!sums.has(query.variant)) sums.set(query.variant, { rr: 0, hit: 0, n: 0 });
    const s = sums.get(query.variant)!;
    s.n++;
    if (rank >= 0) {
      s.rr += 1 / (rank + 1);
      s.hit++;
    }
  }
  const total = [...sums.values()].reduce((t, s) => ({ rr: t.rr + s.rr, hit: t.hit + s.hit, n: t.n + s.n }), { rr: 0, hit: 0, n: 0 });
  const byVariant = Object.fromEntries([...sums].map(([v, s]) => [v, { mrr: s.rr / Math.max(1, s.n), recall: s.hit / Math.max(1, s.n) }])) as RelevanceScores['byVariant'];
  return { mrr: total.rr / Math.max(1, total.n), recall: total.hit / Math.max(1, total.n), byVariant };
}
