/** A MiniSearch index as a peer: the two MiniSearch set-ups differ only in fields, analysis and search options. */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { Article } from '../../src/ingest/types.js';
import { TOP, type Peer, type PeerQuery } from './types.js';

export interface MiniSearchSetUp<Doc> {
  name: string;
  /** MiniSearch's options; `idField` is `n`, the article's number. */
  options: Options<Doc>;
  document: (article: Article, n: number) => Doc;
  /** The search options of a query as typed (the speaker filter is added). */
  searchOptions: (q: string) => SearchOptions;
}

export function miniSearchPeer<Doc>({ name, options, document, searchOptions }: MiniSearchSetUp<Doc>): Peer {
  let ms = new MiniSearch<Doc>(options);
  let articles: Article[] = [];
  return {
    name,
    extras: 'ranked ids',
    async build(list) {
      articles = list;
      ms = new MiniSearch<Doc>(options);
      ms.addAll(list.map(document));
    },
    async search({ q, speaker }: PeerQuery) {
      const results = ms.search(q, {
        ...searchOptions(q),
        ...(speaker ? { filter: (r) => articles[r.id as number].speakers.includes(speaker) } : {}),
      });
      return results.slice(0, TOP).map((r) => articles[r.id as number].id);
    },
    async serialize() {
      return JSON.stringify(ms);
    },
    async load(data, list) {
      articles = list;
      ms = MiniSearch.loadJSON<Doc>(data, options);
    },
  };
}
