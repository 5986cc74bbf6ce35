/** The data of the search stage: a parsed query, the request, the response. */
import type { FacetFilters, FacetName, FacetResponseKey, QueryField } from '../analysis/index.js';
import type { Article } from '../ingest/types.js';
import type { UnderstoodPart } from './understood.js';

/** A field that a prefixed term (`speaker:`, `org:`, `source:`; see src/analysis/fields.ts) searches. */
export type { QueryField };

/** One clause of a parsed query. */
export type Clause =
  /** A word as typed; `prefix` for the word still being typed (the last one). */
  | { kind: 'word'; text: string; negated: boolean; prefix: boolean; field?: QueryField }
  /** Words that must stand next to each other, in order. */
  | { kind: 'phrase'; words: string[]; negated: boolean; field?: QueryField }
  /** Any of several clauses (`a OR b OR "c d"`). */
  | { kind: 'any'; clauses: Clause[] }
  /**
   * Words near each other, in either order (`a NEAR/5 b`, `"a b"~5`): each
   * word at most `distances[k]` positions from the word before it.
   */
  | { kind: 'near'; words: string[]; distances: number[]; negated: boolean };

export interface ParsedQuery {
  /** The query as typed. */
  raw: string;
  /** All positive clauses must match, no negated one may. */
  clauses: Clause[];
  /** Names of `cite:` (src/search/quotation-query.ts): one quotation by that speaker must hold the clauses searched in the quotations. */
  cited?: string[];
}

export type SortOrder = 'relevance' | 'date' | 'date-asc';

/** A search request, already validated. */
export interface SearchRequest {
  q: string;
  /** Selected values by facet field (`speakers`, `organisations`, `source`). */
  filters: FacetFilters;
  /** Inclusive YYYY-MM-DD bounds. */
  from: string | null;
  to: string | null;
  page: number;
  perPage: number;
  sort: SortOrder;
  /** The results page's 'Citations' view: each hit also carries its quotations that match (`quotations`). */
  view?: 'citations';
  /** Same story (src/search/stories.ts): 'all' lists every article, the default each story once. */
  versions?: 'grouped' | 'all';
  /** Lists only the articles of this article id's story (every version). */
  story?: string | null;
}

/** The other articles of a hit's story (same dispatch reprinted, reposted, corrected). */
export interface HitStory {
  /** Articles of the story, the hit included. */
  versions: number;
  others: { id: string; source: string | null }[];
}

export interface FacetValue {
  value: string;
  count: number;
  /** Set when the count was estimated from a sample of many matches (PostgreSQL, src/search/postgres/facet-counts.ts): shown "environ". */
  approximate?: true;
}

/** A hit: the article's id, title, date and facet fields (speakers, organisations, source: src/analysis/fields.ts), its snippet and score. */
export interface SearchHit extends Pick<Article, 'id' | 'title' | 'date' | FacetName> {
  /** HTML: the best passage, escaped, matched words in <mark>. */
  snippet: string;
  /** BM25 (with the proximity reward); ranks by exactness and fullness come before it. */
  score: number;
  /** In the 'Citations' view only: the article's quotations that the query matches, in text order. */
  quotations?: QuotationHit[];
  /** Set when the hit's story has other articles and the list shows each story once. */
  story?: HitStory;
  /** Set on an article that lacks one of the query's words (see SearchResponse.partial). */
  partial?: true;
  /** On such an article, the word (or clause) it lacks, as typed. */
  lacks?: string;
}

/** A quotation as a result: its words as HTML (escaped, matched words in <mark>), speaker, kind and place in the article's text. */
export interface QuotationHit {
  html: string;
  speaker: string | null;
  kind: 'direct' | 'indirect';
  start: number;
  /** Its first words as written, for a link to that place (a text fragment). */
  opening: string;
}

export interface SearchResponse {
  query: string;
  total: number;
  /** When the list shows each story once: `total` counts stories, `articles` the articles they hold (facets count articles). */
  articles?: number;
  /** Set when `total` (and `articles`) were estimated from a sample of many matches (PostgreSQL, src/search/postgres/bounded-search.ts): shown "environ". */
  total_approximate?: true;
  took_ms: number;
  page: number;
  per_page: number;
  sort: SortOrder;
  hits: SearchHit[];
  /** Counts of each facet under its response key ("speaker", "organisation", "source"), and of the date. */
  facets: Record<FacetResponseKey, FacetValue[]> & {
    /** Years ("2022") and months ("2022-01"), in chronological order. */
    date: FacetValue[];
  };
  /** Set in the Citations view and for cite:/citation: queries: the speaker facet counts the matching quotations of each speaker, not articles. */
  speaker_counts?: 'quotations';
  /** A corrected query when nothing matched and a correction would ("vouliez-vous dire"). */
  suggestion: string | null;
  /**
   * Set when no article holds every word of the query: the hits then hold
   * `matched` of its `of` words or phrases, the most any article holds.
   */
  relaxed: { matched: number; of: number } | null;
  /**
   * Set when few articles hold every word (fewer than a page): after them
   * come `count` articles (stories when grouped) holding `matched` of the
   * `of` words, each marked `partial`; `total` counts the full matches
   * only. `lacking`: the words they lack, as typed, the most lacked first.
   */
  partial: { matched: number; of: number; count: number; lacking: string[] } | null;
  /** How the query was understood, part by part, each with what undoes it (src/search/understood.ts). */
  understood: UnderstoodPart[];
}
