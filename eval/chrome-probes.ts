/**
 * Chrome probes: strings that mark web furniture (embedded tweets, ad code,
 * "Lire aussi" links, photo credits, subscription calls, editor's notes).
 * For each, how many raw records carry it, how many of those still carry it
 * once ingest has cleaned the text, and how many of those the search finds
 * when the probe is searched for in a real index of the corpus: the leaks a
 * reader of the product would meet.
 */
import { facetFilters } from '../src/analysis/index.js';
import type { Article } from '../src/ingest/index.js';
import { search, type Searcher } from '../src/search/index.js';
import type { RawRecord } from './lib/raw-records.js';

export interface ChromeProbe {
  /** Shown in the table. */
  name: string;
  /** What it marks, for the README and --json. */
  why: string;
  /** Looked for in the raw and in the cleaned text (a string: exact, case-sensitive). */
  pattern: string | RegExp;
  /** The search query that would find it, or null when it has no word to search (punctuation). */
  query: string | null;
}

export const CHROME_PROBES: ChromeProbe[] = [
  { name: 'pic.twitter.com', why: 'link of an embedded tweet', pattern: 'pic.twitter.com', query: '"pic.twitter.com"' },
  { name: 'googletag', why: 'advertising script left in the text', pattern: 'googletag', query: 'googletag' },
  { name: 'Lire aussi', why: 'link to another article', pattern: 'Lire aussi', query: '"Lire aussi"' },
  { name: 'LIRE AUSSI', why: 'link to another article (capitals)', pattern: 'LIRE AUSSI', query: '"LIRE AUSSI"' },
  { name: 'À voir aussi', why: 'link to another article', pattern: 'À voir aussi', query: '"À voir aussi"' },
  { name: 'Consultez notre dossier', why: 'link to a topic page', pattern: 'Consultez notre dossier', query: '"Consultez notre dossier"' },
  { name: 'Regarder sur', why: 'video player caption ("Regarder sur YouTube")', pattern: 'Regarder sur', query: '"Regarder sur"' },
  { name: 'Crédits photo', why: 'photo credit', pattern: 'Crédits photo', query: '"Crédits photo"' },
  { name: 'Photo :', why: 'photo credit ("Photo : name", "Photo: name")', pattern: /Photo ?:/, query: 'photo' },
  {
    name: 'Agence France-Presse (photo credit)',
    why: 'photo credit "Photo: Name Agence France-Presse", not the agency quoted in a sentence',
    pattern: /Photo ?:[^\n]{0,60}Agence France-Presse/,
    query: '"Agence France-Presse"',
  },
  { name: '© AFP', why: 'copyright line', pattern: /©\s?AFP/, query: 'AFP' },
  { name: '(@ tweet signature', why: 'signature of an embedded tweet ("— Name (@handle) date")', pattern: '(@', query: null },
  { name: 'Abonnez-vous', why: 'subscription call', pattern: 'Abonnez-vous', query: '"Abonnez-vous"' },
  { name: 'NDLR', why: "editor's note", pattern: 'NDLR', query: 'NDLR' },
];

export interface ProbeResult {
  probe: string;
  query: string | null;
  /** Raw records whose text carries the probe. */
  raw: number;
  /** Of those, articles whose cleaned text still carries it. */
  inCleanText: number;
  /** Of the raw carriers, articles the search of `query` finds (null: no query). */
  foundBySearch: number | null;
  /** Every article the search finds, carriers or not (the query may also match real text). */
  searchTotal: number | null;
}

function carries(text: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

/** The ids of every article a query finds. */
export function searchIds(searcher: Searcher, q: string): Set<string> {
  const response = search(searcher, { q, filters: facetFilters(), from: null, to: null, page: 1, perPage: Math.max(1, searcher.documents.length), sort: 'relevance' });
  return new Set(response.hits.map((h) => h.id));
}

export function runProbes(records: RawRecord[], articles: Map<string, Article>, searcher: Searcher, probes = CHROME_PROBES): ProbeResult[] {
  return probes.map((probe) => {
    const carriers = records.filter((r) => carries(r.text, probe.pattern)).map((r) => r.id);
    const inCleanText = carriers.filter((id) => {
      const article = articles.get(id);
      return article !== undefined && carries(article.text, probe.pattern);
    }).length;
    const found = probe.query === null ? null : searchIds(searcher, probe.query);
    return {
      probe: probe.name,
      query: probe.query,
      raw: carriers.length,
      inCleanText,
      foundBySearch: found === null ? null : carriers.filter((id) => found.has(id)).length,
      searchTotal: found === null ? null : found.size,
    };
  });
}
