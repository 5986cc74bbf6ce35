/** MiniSearch as its docs set it up for search-as-you-type: default tokenizer, prefix + fuzzy 0.2, title boost. */
import MiniSearch from 'minisearch';
import type { Article } from '../../src/ingest/types.js';
import { TOP, type Peer, type PeerQuery } from './types.js';

interface Doc {
  n: number;
  title: string;
  text: string;
}

export function miniSearchBare(): Peer {
  const options = { idField: 'n', fields: ['title', 'text'], storeFields: [] as string[] };
  let ms = new MiniSearch<Doc>(options);
  let articles: Article[] = [];
  return {
    name: 'MiniSearch (default)',
    extras: 'ranked ids',
    async build(list) {
      articles = list;
      ms = new MiniSearch<Doc>(options);
      ms.addAll(list.map((a, n) => ({ n, title: a.title, text: a.text })));
    },
    async search({ q, speaker }: PeerQuery) {
      const results = ms.search(q, {
        prefix: true,
        fuzzy: 0.2,
        boost: { title: 2 },
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
