import type { Quote } from '../ingest/types.js';
import { entitySlug } from './entities.js';
import { quotationOpening } from './quotation-query.js';
import type { QuoteSpeakerTable } from './quote-speakers.js';
import type { Searcher } from './searcher.js';
import { firstInOrder } from './top-k.js';

/**
 * The quotations of a person, for their page: how many the archive holds
 * and the latest ones. Read from the build's quotations by speaker slug
 * (SpeakerQuotations, made once by its Searcher from the quotation speaker
 * table, src/search/quote-speakers.ts), so that a page costs the person's
 * quotations, not the archive's.
 */

export interface EntityQuotation {
  /** The article's id, title, date and source. */
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  text: string;
  kind: 'direct' | 'indirect';
  /** Its first words, for a link to its place in the article (a text fragment). */
  opening: string;
}

/** The quotations of each speaker slug, as positions in the quotation speaker table. */
export interface SpeakerQuotations {
  /** Quotation positions (in the speaker table) of each slug, in table order. */
  positions: Map<string, Int32Array>;
  /** The article of each quotation position. */
  articleOf: Int32Array;
}

export function buildSpeakerQuotations(table: QuoteSpeakerTable): SpeakerQuotations {
  const { names, offsets, quoteSpeaker } = table;
  // Slugs as small integers first (several spellings may share one): the 700 000 quotations of 100 000 articles are then sorted by integer arithmetic alone.
  const slugIds = new Map<string, number>();
  const slugOfName = Int32Array.from(names, (name) => {
    const slug = entitySlug(name);
    let id = slugIds.get(slug);
    if (id === undefined) slugIds.set(slug, (id = slugIds.size));
    return id;
  });
  const starts = new Int32Array(slugIds.size + 1);
  for (let i = 0; i < quoteSpeaker.length; i++) if (quoteSpeaker[i] >= 0) starts[slugOfName[quoteSpeaker[i]] + 1]++;
  for (let s = 0; s < slugIds.size; s++) starts[s + 1] += starts[s];
  // Every slug's positions in one array, slug after slug, each in table order.
  const grouped = new Int32Array(starts[slugIds.size]);
  const fill = starts.slice(0, slugIds.size);
  const articleOf = new Int32Array(quoteSpeaker.length);
  for (let n = 0; n + 1 < offsets.length; n++) {
    for (let i = offsets[n]; i < offsets[n + 1]; i++) {
      articleOf[i] = n;
      if (quoteSpeaker[i] >= 0) grouped[fill[slugOfName[quoteSpeaker[i]]]++] = i;
    }
  }
  const positions = new Map<string, Int32Array>();
  for (const [slug, id] of slugIds) if (starts[id + 1] > starts[id]) positions.set(slug, grouped.subarray(starts[id], starts[id + 1]));
  return { positions, articleOf };
}

/** The number of quotations of the person of `slug`, and the `limit` latest (newest article first, then in text order). */
export function entityQuotations(searcher: Searcher, slug: string, limit: number): { count: number; latest: EntityQuotation[] } {
  const { positions, articleOf } = searcher.speakerQuotations;
  const mine = positions.get(slug);
  if (!mine) return { count: 0, latest: [] };
  const { dateRank } = searcher.facets;
  const { offsets } = searcher.quoteSpeakers;
  const candidates = firstInOrder(mine, limit * CANDIDATES_PER_SHOWN, (a, b) => dateRank[articleOf[a]] < dateRank[articleOf[b]] || (articleOf[a] === articleOf[b] && a < b));
  const quotesOf = new Map<number, Quote[]>();
  const latest = candidates.map((i) => {
    const n = articleOf[i];
    const article = searcher.documents[n];
    // A loaded index gives quotations their words from the text: read once per article.
    let quotes = quotesOf.get(n);
    if (!quotes) quotesOf.set(n, (quotes = article.quotes));
    const quote = quotes[i - offsets[n]];
    return { id: article.id, title: article.title, date: article.date, source: article.source, text: quote.text, kind: quote.kind, opening: quotationOpening(quote.text) };
  });
  return { count: mine.length, latest: pickLatest(latest, limit) };
}

/** Candidates read per quotation shown, newest first, for pickLatest to choose among. */
export const CANDIDATES_PER_SHOWN = 8;
/** Quotations shown from one article at most, and the words a quotation needs to be preferred. */
const PER_ARTICLE = 2;
const MIN_WORDS = 4;

/**
 * The latest quotations worth showing, from candidates newest first: at
 * most two of one article, and whole sentences before fragments of two or
 * three words (« réaction populaire »), which say little alone; fragments
 * fill the list when nothing else does. Both backends choose so.
 */
export function pickLatest(candidates: EntityQuotation[], limit: number): EntityQuotation[] {
  const perArticle = new Map<string, number>();
  const chosen = new Set<EntityQuotation>();
  for (const q of candidates) {
    if (chosen.size >= limit) break;
    if (q.text.split(' ').length < MIN_WORDS || (perArticle.get(q.id) ?? 0) >= PER_ARTICLE) continue;
    chosen.add(q);
    perArticle.set(q.id, (perArticle.get(q.id) ?? 0) + 1);
  }
  for (const q of candidates) if (chosen.size < limit) chosen.add(q);
  // Shown newest first, as the candidates came.
  return candidates.filter((q) => chosen.has(q));
}

/** Builds the table ahead of a reader's first page. */
export function prepareEntityQuotations(searcher: Searcher): void {
  void searcher.speakerQuotations;
}
