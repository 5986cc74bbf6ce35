/** FlexSearch 0.8 Document index: forward tokenizer (live typing), LatinBalance + French language pack, speakers as tags. */
import { Charset, Document, Encoder } from 'flexsearch';
import FrenchPreset from 'flexsearch/lang/fr';
import type { Article } from '../../src/ingest/types.js';
import { TOP, type Peer, type PeerQuery } from './types.js';

type Doc = { n: number; title: string; text: string; speakers: string[] };

function newIndex() {
  return new Document<Doc>({
    tokenize: 'forward',
    encoder: new Encoder(Charset.LatinBalance).assign(FrenchPreset),
    document: { id: 'n', index: ['title', 'text'], tag: ['speakers'] },
  });
}

export function flexSearch(): Peer {
  let index = newIndex();
  let articles: Article[] = [];
  return {
    name: 'FlexSearch (fr pack, forward)',
    extras: 'ranked ids',
    async build(list) {
      articles = list;
      index = newIndex();
      list.forEach((a, n) => index.add({ n, title: a.title, text: a.text, speakers: a.speakers }));
    },
    async search({ q, speaker }: PeerQuery) {
      const results = index.search({ query: q, limit: TOP, suggest: true, merge: true, ...(speaker ? { tag: { speakers: speaker } } : {}) }) as unknown as { id: number }[];
      return results.slice(0, TOP).map((r) => articles[r.id].id);
    },
    async serialize() {
      const parts: Record<string, string> = {};
      await index.export((key: string, data: string) => {
        parts[key] = data;
      });
      return JSON.stringify(parts);
    },
    async load(data, list) {
      articles = list;
      index = newIndex();
      for (const [key, value] of Object.entries(JSON.parse(data) as Record<string, string>)) await index.import(key, value);
    },
  };
}
