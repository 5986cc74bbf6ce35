/**
 * The article page: its text in paragraphs with the words the query matched
 * in <mark>, its metadata as filter links, and related articles.
 */
import type { SearchIndex } from '../index/index.js';
import { compileQuery, documentTokens, highlightRange, parseQuery, type SearchRequest } from '../search/index.js';
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
  backHref: string;
  q: string;
  sameDay: RelatedView[];
  sameSpeakers: RelatedView[];
}

/** The index terms of article `n` that the query matches, as the search itself finds them (stems, prefixes, typos). */
export function matchedTerms(index: SearchIndex, n: number, q: string): Set<string> {
  const terms = new Set<string>();
  if (!q.trim()) return terms;
  const compiled = compileQuery(parseQuery(q));
  if (compiled.miniSearchQuery) {
    const results = index.miniSearch.search(compiled.miniSearchQuery, { filter: (r) => r.id === n });
    for (const r of results) for (const t of r.terms) terms.add(t);
  }
  for (const t of compiled.highlightTerms) terms.add(t);
  // A compound term ("chin-russ") is highlighted through its parts, which are what the text's tokens hold.
  for (const t of [...terms]) if (t.includes('-')) for (const part of t.split('-')) terms.add(part);
  return terms;
}

const RELATED_LIMIT = 5;

export function documentView(index: SearchIndex, n: number, request: SearchRequest): DocumentView {
  const article = index.documents[n];
  const terms = matchedTerms(index, n, request.q);
  const tokens = documentTokens(index, n);
  let marks = 0;
  const countMarks = (html: string) => {
    marks += html.split('<mark>').length - 1;
    return html;
  };
  const paragraphs: string[] = [];
  const text = article.text;
  const re = /\n\s*\n/g;
  let start = 0;
  const pushParagraph = (from: number, to: number) => {
    // Trim the range so that no paragraph starts or ends with blank space.
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (to > from) paragraphs.push(countMarks(highlightRange(text, tokens.text, terms, from, to)));
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    pushParagraph(start, m.index);
    start = m.index + m[0].length;
  }
  pushParagraph(start, text.length);

  const linkTo = (key: 'speakers' | 'organisations') => (name: string): FilterLink => ({
    name,
    selected: false,
    href: searchUrl({ q: '', speakers: [], organisations: [], from: null, to: null, page: 1, perPage: request.perPage, sort: 'date', [key]: [name] }),
  });

  const related = (m: number): RelatedView => {
    const other = index.documents[m];
    return { title: other.title, href: documentUrl(other.id, request), date: frenchDate(other.date) };
  };
  const sameDay: RelatedView[] = [];
  const speakerKeys = new Set(article.speakers.map((s) => s.toLowerCase()));
  const sharing: { m: number; shared: number }[] = [];
  index.documents.forEach((other, m) => {
    if (m === n) return;
    if (article.date && other.date === article.date && sameDay.length < RELATED_LIMIT) sameDay.push(related(m));
    if (speakerKeys.size > 0) {
      const shared = other.speakers.filter((s) => speakerKeys.has(s.toLowerCase())).length;
      if (shared > 0) sharing.push({ m, shared });
    }
  });
  sharing.sort((a, b) => b.shared - a.shared || (index.documents[b.m].date ?? '').localeCompare(index.documents[a.m].date ?? '') || a.m - b.m);

  const titleHtml = highlightRange(article.title, tokens.title, terms);
  return {
    id: article.id,
    title: article.title,
    titleHtml: countMarks(titleHtml),
    date: frenchDate(article.date),
    isoDate: article.date,
    source: article.source,
    url: article.url && /^https?:\/\//i.test(article.url) ? article.url : null,
    speakers: article.speakers.map(linkTo('speakers')),
    organisations: article.organisations.map(linkTo('organisations')),
    paragraphs,
    marks,
    backHref: searchUrl(request, { page: request.page }),
    q: request.q,
    sameDay,
    sameSpeakers: sharing.slice(0, RELATED_LIMIT).map((s) => related(s.m)),
  };
}
