/**
 * A known-item set made from the real corpus itself: for each article whose
 * title has at least three content words, the query a reader who remembers
 * the article types, its three rarest title words (by the number of
 * articles of the corpus holding the word, ties in title order), written in
 * title order, without accents on one query in two (a reader often types
 * none). The target is the article itself, or any article of the same title
 * (a dispatch published twice). Rare words are what one remembers of an
 * article; dropping accents tests folding. Built with a word splitter of its
 * own (letters and digits, apostrophes and hyphens split), not with
 * src/analysis, so the set does not share the engine's analysis.
 */
import type { Article } from '../../src/ingest/types.js';

export interface KnownItemQuery {
  q: string;
  /** Ids that count as found (the article and any of the same title). */
  targets: Set<string>;
}

/** Short function words left out of the remembered words (French). */
const FUNCTION_WORDS = new Set(
  'le la les un une des du de d l au aux et ou en sur sous dans par pour pas plus avec sans son sa ses leur leurs ce cet cette ces qui que quoi dont est sont a ont été être il elle ils elles on se ne y lui nous vous je tu mais car donc ni après avant entre vers chez selon contre'.split(' '),
);

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function documentFrequencies(articles: readonly Article[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const a of articles) for (const w of new Set(words(fold(`${a.title} ${a.text}`)))) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  return documentFrequency;
}

/** The `count` rarest of `candidates` (fewest articles holding them, ties in their order), in their order. */
function rarest(candidates: string[], documentFrequency: Map<string, number>, count: number): string[] {
  return candidates
    .map((w, k) => ({ w, k, df: documentFrequency.get(fold(w)) ?? 0 }))
    .sort((x, y) => x.df - y.df || x.k - y.k)
    .slice(0, count)
    .sort((x, y) => x.k - y.k)
    .map((x) => x.w);
}

const contentWords = (s: string) => [...new Set(words(s))].filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(fold(w)) && !/^\p{N}+$/u.test(w));

export function knownItemQueries(articles: readonly Article[]): KnownItemQuery[] {
  const documentFrequency = documentFrequencies(articles);
  const byTitle = new Map<string, string[]>();
  for (const a of articles) byTitle.set(fold(a.title), [...(byTitle.get(fold(a.title)) ?? []), a.id]);
  const queries: KnownItemQuery[] = [];
  articles.forEach((a, n) => {
    const candidates = [...new Set(words(a.title))].filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(fold(w)));
    if (candidates.length < 3) return;
    const remembered = rarest(candidates, documentFrequency, 3);
    const q = n % 2 === 1 ? fold(remembered.join(' ')) : remembered.join(' ');
    queries.push({ q, targets: new Set(byTitle.get(fold(a.title))) });
  });
  return queries;
}

/**
 * A harder known-item set: a reader remembers a passage of the body, not
 * the headline. For each article of at least five sentences, the middle
 * sentence of twelve words or more (a deterministic pick); the query is that
 * sentence's three rarest content words that are not in the title (numbers
 * left out), in sentence order, one query in two without accents. The
 * targets are every article whose text holds that sentence (a dispatch
 * printed by several papers). Harder than titles: body words are common,
 * the sentence may be a quotation other articles repeat, and the words are
 * in the text only (no title boost helps).
 */
export function knownItemBodyQueries(articles: readonly Article[]): KnownItemQuery[] {
  const documentFrequency = documentFrequencies(articles);
  const foldedTexts = articles.map((a) => fold(a.text).replace(/\s+/g, ' '));
  const queries: KnownItemQuery[] = [];
  articles.forEach((a, n) => {
    const sentences = a.text.split(/(?<=[.!?»])\s+(?=[«"\p{Lu}])/u).filter((s) => words(s).length >= 12);
    if (sentences.length < 5) return;
    const sentence = sentences[Math.floor(sentences.length / 2)];
    const inTitle = new Set(words(fold(a.title)));
    const candidates = contentWords(sentence).filter((w) => !inTitle.has(fold(w)));
    if (candidates.length < 3) return;
    const remembered = rarest(candidates, documentFrequency, 3);
    const q = n % 2 === 1 ? fold(remembered.join(' ')) : remembered.join(' ');
    const passage = fold(sentence).replace(/\s+/g, ' ');
    queries.push({ q, targets: new Set(articles.filter((_, m) => foldedTexts[m].includes(passage)).map((b) => b.id)) });
  });
  return queries;
}

/** Reciprocal rank of the first target in the ranking, 0 when none is in it. */
export function knownItemRank(ranking: readonly string[], targets: ReadonlySet<string>): number {
  const place = ranking.findIndex((id) => targets.has(id));
  return place < 0 ? 0 : 1 / (place + 1);
}
