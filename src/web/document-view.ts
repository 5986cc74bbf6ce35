/**
 * The article page: its text in paragraphs with the words the query matched
 * in <mark>, its metadata as filter links, and related articles.
 */
import { facetFilters } from '../analysis/index.js';
import { textCut } from '../index/index.js';
import type { DocumentDetail, RelatedArticle } from '../search/backends/index.js';
import { entitySlug, type SearchRequest } from '../search/index.js';
import { entityUrl } from './entity-links.js';
import { documentUrl, frenchDate, searchUrl, type FilterLink } from './view-models.js';

export interface RelatedView {
  title: string;
  href: string;
  date: string | null;
}

export interface DocumentView {
  id: string;
  /** HTML: escaped title, query terms in <mark>. */
  titleHtml: string;
  title: string;
  date: string | null;
  isoDate: string | null;
  source: string | null;
  url: string | null;
  speakers: FilterLink[];
  organisations: FilterLink[];
  /** HTML of each paragraph: escaped text, query terms in <mark>. */
  paragraphs: string[];
  /** Number of highlighted words. */
  marks: number;
  /** Said under the text of an article too long to show whole (its first TEXT_WINDOW bytes are shown), else null. */
  cutNotice: string | null;
  backHref: string;
  q: string;
  sameDay: RelatedView[];
  sameSpeakers: RelatedView[];
}

/** HTML paragraphs of a highlighted text: split at blank lines, trimmed, empty ones dropped. */
export function paragraphsOf(textHtml: string): string[] {
  return textHtml
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

const kilobytes = (bytes: number) => new Intl.NumberFormat('fr-FR').format(Math.round(bytes / 1024));

/** The notice of an article shown in part: only its first bytes are read, whatever its size. */
function cutNotice(detail: DocumentDetail): string | null {
  const cut = textCut(detail.article);
  return cut ? `Article trop long pour être affiché en entier : seuls les ${kilobytes(cut.shownBytes)} premiers ko sur ${kilobytes(cut.totalBytes)} ko sont montrés.` : null;
}

export function documentView(detail: DocumentDetail, request: SearchRequest): DocumentView {
  const { article } = detail;
  const paragraphs = paragraphsOf(detail.textHtml);
  const marks = [detail.titleHtml, ...paragraphs].reduce((sum, html) => sum + html.split('<mark>').length - 1, 0);

  // On an article, a name leads to its page (which links to every article naming it).
  const linkTo = (key: 'speakers' | 'organisations') => (name: string): FilterLink => ({
    name,
    selected: false,
    href: entitySlug(name) ? entityUrl(key, name) : searchUrl({ q: '', filters: facetFilters({ [key]: [name] }), from: null, to: null, page: 1, perPage: request.perPage, sort: 'date' }),
  });
  const related = (other: RelatedArticle): RelatedView => ({ title: other.title, href: documentUrl(other.id, request), date: frenchDate(other.date) });

  return {
    id: article.id,
    title: article.title,
    titleHtml: detail.titleHtml,
    date: frenchDate(article.date),
    isoDate: article.date,
    source: article.source,
    url: article.url && /^https?:\/\//i.test(article.url) ? article.url : null,
    speakers: article.speakers.map(linkTo('speakers')),
    organisations: article.organisations.map(linkTo('organisations')),
    paragraphs,
    marks,
    cutNotice: cutNotice(detail),
    backHref: searchUrl(request, { page: request.page }),
    q: request.q,
    sameDay: detail.sameDay.map(related),
    sameSpeakers: detail.sameSpeakers.map(related),
  };
}
