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

export function knownItemQueries(articles: readonly Article[]): KnownItemQuery[] {
  const documentFrequency = new Map<string, number>();
  for (const a of articles) for (const w of new Set(words(fold(`${a.title} ${a.text}`)))) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  const byTitle = new Map<string, string[]>();
  for (const a of articles) byTitle.set(fold(a.title), [...(byTitle.get(fold(a.title)) ?? []), a.id]);
  const queries: KnownItemQuery[] = [];
  articles.forEach((a, n) => {
    const candidates = [...new Set(words(a.title))].filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(fold(w)));
    if (candidates.length < 3) return;
    const rarest = candidates
      .map((w, k) => ({ w, k, df: documentFrequency.get(fold(w)) ?? 0 }))
      .sort((x, y) => x.df - y.df || x.k - y.k)
      .slice(0, 3)
      .sort((x, y) => x.k - y.k)
      .map((x) => x.w);
    const q = n % 2 === 1 ? fold(rarest.join(' ')) : rarest.join(' ');
    queries.push({ q, targets: new Set(byTitle.get(fold(a.title))) });
  });
  return queries;
}

/** Reciprocal rank of the first target in the ranking, 0 when none is in it. */
export function knownItemRank(ranking: readonly string[], targets: ReadonlySet<string>): number {
  const place = ranking.findIndex((id) => targets.has(id));
  return place < 0 ? 0 : 1 / (place + 1);
}
