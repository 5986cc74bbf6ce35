/**
 * The web side of facet search and suggestions: which facet a `facette`
 * parameter names, the values found as links (like the facet box's), and
 * the options under the search box with the state each one leads to.
 */
import { FACETS, facetOf, type FacetName } from '../analysis/index.js';
import type { FacetValue, SearchRequest, Suggestions } from '../search/index.js';
import { wordBeingTyped } from '../search/index.js';
import { facetView, withSelection, type FacetValueView } from './facet-views.js';
import { formatNumber, has, searchUrl } from './links.js';

/** Longest facet search text. */
export const FACET_QUERY_LENGTH = 100;

/** The facet of a URL parameter ("speaker" -> speakers), or null. */
export function facetOfParam(param: unknown): FacetName | null {
  if (typeof param !== 'string') return null;
  return FACETS.find((name) => facetOf(name).param === param) ?? null;
}

/** The facet search text of a request's URL parameters, or null when none (or not text). */
export function facetQuery(query: Record<string, unknown>): { name: FacetName; text: string } | null {
  const name = facetOfParam(query.facette);
  const text = query.fq;
  if (!name || typeof text !== 'string') return null;
  return { name, text: text.trim().slice(0, FACET_QUERY_LENGTH) };
}

export interface FacetSearchView {
  parameter: string;
  title: string;
  text: string;
  values: FacetValueView[];
  /** "3 intervenants trouvés", "Aucun intervenant ne correspond à « xyz »". */
  said: string;
}

export function facetSearchView(name: FacetName, text: string, values: FacetValue[], request: SearchRequest): FacetSearchView {
  const box = facetView(name, values, request);
  const label = facetOf(name).label.toLowerCase();
  const found = [...box.visible, ...box.more];
  const said = found.length === 0 ? `Aucun ${label} ne correspond à « ${text} » dans ces résultats.` : `${formatNumber(found.length)} ${label}${found.length > 1 ? 's' : ''} trouvé${found.length > 1 ? 's' : ''}`;
  return { parameter: facetOf(name).param, title: facetOf(name).title, text, values: found, said };
}

export interface SuggestionOption {
  kind: 'mot' | 'nom';
  /** What the option says: "sécheresse", "Sergueï Lavrov". */
  text: string;
  /** "intervenant", "organisation" (names only). */
  role: string | null;
  count: string | null;
  /** The query the box holds once the option is chosen. */
  q: string;
  /** The state the option leads to. */
  href: string;
}

/** The query with its last `words` words taken away. */
function withoutLastWord(q: string, word: string): string {
  return q.slice(0, q.length - word.length).trimEnd();
}

export function suggestionOptions(suggestions: Suggestions, request: SearchRequest): SuggestionOption[] {
  const q = request.q;
  const typing = wordBeingTyped(q);
  const options: SuggestionOption[] = [];
  if (typing) {
    const head = q.slice(0, q.length - typing.length);
    for (const word of suggestions.words) {
      const next = `${head}${word}`;
      options.push({ kind: 'mot', text: next, role: null, count: null, q: next, href: searchUrl(request, { q: next }) });
    }
  }
  for (const name of suggestions.names) {
    const rest = name.matched === 'query' ? '' : withoutLastWord(q, typing ?? '');
    const selected = request.filters[name.facet];
    const filters = has(selected, name.value) ? selected : [...selected, name.value];
    options.push({
      kind: 'nom',
      text: name.value,
      role: facetOf(name.facet).label.toLowerCase(),
      count: formatNumber(name.count),
      q: rest,
      href: searchUrl({ ...request, q: rest }, withSelection(request, name.facet, filters)),
    });
  }
  return options;
}
