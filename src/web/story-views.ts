/**
 * Same story, once, on the page: the "Aussi publié par" line of a hit, the
 * count of stories and articles, and the control that lists every version
 * (src/search/stories.ts does the grouping).
 */
import { facetFilters } from '../analysis/index.js';
import type { HitStory, SearchRequest, SearchResponse } from '../search/index.js';
import { formatNumber, resultCount, searchUrl } from './links.js';

/** Sources named on a hit before "(+n)". */
const SOURCES_SHOWN = 2;

export interface HitStoryView {
  /** "Aussi publié par : Le Matin, La Presse (+2)". */
  label: string;
  /** The story's versions: "voir les 4 versions". */
  linkLabel: string;
  href: string;
}

/** The line under a hit whose story has other articles. */
export function hitStoryView(id: string, story: HitStory | undefined): HitStoryView | null {
  if (!story || story.others.length === 0) return null;
  const sources = [...new Set(story.others.map((o) => o.source).filter((s): s is string => !!s))];
  const shown = sources.slice(0, SOURCES_SHOWN).join(', ');
  const more = story.others.length - Math.min(sources.length, SOURCES_SHOWN);
  const label = shown ? `Aussi publié par : ${shown}${more > 0 ? ` (+${more})` : ''}` : `Aussi publié ${story.others.length > 1 ? `${story.others.length} autres fois` : 'une autre fois'}`;
  return { label, linkLabel: `voir les ${story.versions} versions`, href: searchUrl(emptyRequest(), { story: id }) };
}

function emptyRequest(): SearchRequest {
  return { q: '', filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' };
}

/** "12 dépêches (15 articles)" when reprints were folded, else "12 résultats"; "environ 45 000 résultats" when estimated from a sample. */
export function storyCount(response: SearchResponse): string {
  const { total, articles } = response;
  const about = response.total_approximate ? 'environ ' : '';
  if (articles === undefined || articles === total) return `${about}${resultCount(total)}`;
  return `${about}${formatNumber(total)} dépêche${total > 1 ? 's' : ''} (${about}${formatNumber(articles)} articles)`;
}

export interface VersionsControl {
  label: string;
  href: string;
  /** Said beside it: what the counts count. */
  note: string;
}

/** The control switching between each story once and every version; null when nothing was folded and every version is not asked for. */
export function versionsControl(request: SearchRequest, response: SearchResponse): VersionsControl | null {
  if (request.story) return { label: 'Revenir à la recherche', href: searchUrl(request, { story: null, versions: undefined }), note: 'Toutes les versions d’un même sujet' };
  if (request.versions === 'all') return { label: 'Regrouper les reprises', href: searchUrl(request, { versions: undefined }), note: 'Chaque version est comptée' };
  if (response.articles !== undefined && response.articles > response.total) {
    return { label: `Afficher toutes les versions (${formatNumber(response.articles)})`, href: searchUrl(request, { versions: 'all' }), note: `Les reprises d’une même dépêche sont regroupées ; les facettes comptent les articles${response.speaker_counts === 'quotations' ? ', celle des intervenants leurs citations' : ''}` };
  }
  return null;
}
