/** The common interface of the engines compared by the benchmark. */
import type { Article } from '../../src/ingest/types.js';

export interface PeerQuery {
  /** The text as typed so far; its last word may be unfinished. */
  q: string;
  /** A speaker facet filter (exact value), or none. */
  speaker?: string;
}

export interface Peer {
  name: string;
  /** What the engine gives besides ranked ids: 'facets' when it counts facet values natively. */
  extras: string;
  /** False for an engine that keeps its index in a server (PostgreSQL): nothing to load at start. */
  loadsIndex?: boolean;
  build(articles: Article[]): Promise<void>;
  /** Ids of the top 10 articles. */
  search(query: PeerQuery): Promise<string[]>;
  /** The index as written to disk. */
  serialize(): Promise<string>;
  /** Loads a serialized index (the articles are given for engines that do not store them). */
  load(data: string, articles: Article[]): Promise<void>;
}

export const TOP = 10;

/** The last word of a query, still being typed. */
export function splitTyped(q: string): { done: string[]; typing: string | null } {
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { done: [], typing: null };
  return q.endsWith(' ') ? { done: words, typing: null } : { done: words.slice(0, -1), typing: words[words.length - 1] };
}
