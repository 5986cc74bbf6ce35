/** MiniSearch with depeches' French analysis (indexTerms) as tokenizer, without its query compiler, facets or snippets. */
import MiniSearch from 'minisearch';
import { indexTerms } from '../../src/analysis/index.js';
import type { Article } from '../../src/ingest/types.js';
import { TOP, type Peer, type PeerQuery } from './types.js';

interface Doc {
  n: number;
  title: string;
  text: string;
  speakers: string;
  organisations: string;
}

const options = {
  idField: 'n',
  fields: ['title', 'text', 'speakers', 'organisations'],
  storeFields: [] as string[],
  tokenize: (text: string) => indexTerms(text),
  processTerm: (term: string) => term,
};

export function miniSearchFrench(): Peer {
  let ms = new MiniSearch<Doc>(options);
  let articles: Article[] = [];
  return {
    name: 'MiniSearch + French analysis',
    extras: 'ranked ids',
    async build(list) {
      articles = list;
      ms = new MiniSearch<Doc>(options);
      ms.addAll(list.map((a, n) => ({ n, title: a.title, text: a.text, speakers: a.speakers.join(' ; '), organisations: a.organisations.join(' ; ') })));
    },
    async search({ q, speaker }: PeerQuery) {
      const results = ms.search(q, {
        prefix: (_term, i, terms) => i === terms.length - 1 && !q.endsWith(' '),
        fuzzy: 0.2,
        combineWith: 'AND',
        boost: { title: 2.5, speakers: 1.5, organisations: 1.5 },
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
