/**
 * The related articles of a document page on the embedded index: those of
 * the same day, and those sharing the most speakers (then the newest),
 * found on the facet table's number arrays: a document page of a
 * 100 000-article archive must not compare strings with every article.
 */
import { RELATED_LIMIT, type RelatedArticle } from './backends/types.js';
import type { Searcher } from './searcher.js';
import { firstInOrder } from './top-k.js';

export function relatedArticles(searcher: Searcher, n: number): { sameDay: RelatedArticle[]; sameSpeakers: RelatedArticle[] } {
  const { dayOf, dateRank } = searcher.facets;
  const { start: speakerStart, ids: speakerIds } = searcher.facets.facets.speakers;
  const toRelated = (m: number): RelatedArticle => {
    const { id, title, date } = searcher.documents[m];
    return { id, title, date };
  };
  const mine = Array.from(speakerIds.subarray(speakerStart[n], speakerStart[n + 1]));
  const day = dayOf[n];
  const sameDay: number[] = [];
  const shared = new Uint16Array(dayOf.length);
  for (let m = 0; m < dayOf.length; m++) {
    if (m === n) continue;
    if (day >= 0 && dayOf[m] === day && sameDay.length < RELATED_LIMIT) sameDay.push(m);
    for (let i = speakerStart[m], end = speakerStart[m + 1]; i < end; i++) if (mine.includes(speakerIds[i])) shared[m]++;
  }
  // Most speakers shared, then newest.
  const before = (a: number, b: number) => shared[a] > shared[b] || (shared[a] === shared[b] && dateRank[a] < dateRank[b]);
  const sameSpeakers = firstInOrder(shared.length, RELATED_LIMIT, before, (m) => shared[m] > 0);
  return { sameDay: sameDay.map(toRelated), sameSpeakers: sameSpeakers.map(toRelated) };
}
