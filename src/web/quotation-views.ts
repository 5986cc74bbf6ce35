/**
 * The 'Citations' view of the results page (`/search?…&vue=citations`):
 * quotations as results, each with its speaker, its article's date and
 * source, and a link to the article at that place (a text fragment,
 * `#:~:text=`, which the browser scrolls to and highlights). The same
 * facets, URLs and feeds as the article view: only `vue` differs.
 */
import type { QuotationHit, SearchHit, SearchRequest } from '../search/index.js';
import { documentUrl, frenchDate, searchUrl } from './links.js';

export interface QuotationView {
  /** HTML from the engine: escaped words, matched ones in <mark>. */
  html: string;
  speaker: string | null;
  /** The speaker's quotations (a cite: search), or null. */
  speakerHref: string | null;
  indirect: boolean;
  href: string;
  title: string;
  date: string | null;
  isoDate: string | null;
  source: string | null;
}

export interface ViewSwitch {
  current: 'articles' | 'citations';
  articlesHref: string;
  citationsHref: string;
}

export function viewSwitch(request: SearchRequest): ViewSwitch {
  const articles = { ...request, view: undefined };
  return { current: request.view === 'citations' ? 'citations' : 'articles', articlesHref: searchUrl(articles), citationsHref: searchUrl({ ...request, view: 'citations' }) };
}

/** A `cite:` query for a speaker: the name quoted when it has several words. */
function citeQuery(speaker: string): string {
  return /\s/u.test(speaker) ? `cite:"${speaker.replace(/"/g, '')}"` : `cite:${speaker}`;
}

/** The quotations of the hits of a page, in the hits' order. */
export function quotationViews(hits: SearchHit[], request: SearchRequest): QuotationView[] {
  return hits.flatMap((hit) =>
    (hit.quotations ?? []).map((q: QuotationHit) => ({
      html: q.html,
      speaker: q.speaker,
      speakerHref: q.speaker ? searchUrl({ ...request, q: citeQuery(q.speaker) }) : null,
      indirect: q.kind === 'indirect',
      href: `${documentUrl(hit.id, { ...request, view: undefined })}#:~:text=${encodeURIComponent(q.opening).replace(/-/g, '%2D')}`,
      title: hit.title,
      date: frenchDate(hit.date),
      isoDate: hit.date,
      source: hit.source,
    })),
  );
}
