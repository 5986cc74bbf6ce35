/** Orama 3 with the French stemmer and stop words, speaker/organisation facets on string[] fields left untokenized. */
import { create, insertMultiple, load, save, search, type AnyOrama } from '@orama/orama';
import { language, stemmer } from '@orama/stemmers/french';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import type { Article } from '../../src/ingest/types.js';
import { TOP, type Peer, type PeerQuery } from './types.js';

const schema = { id: 'string', title: 'string', text: 'string', speakers: 'string[]', organisations: 'string[]' } as const;

function newDb(): AnyOrama {
  return create({
    schema,
    components: {
      tokenizer: {
        language,
        stemming: true,
        stemmer,
        stopWords: frenchStopwords,
        stemmerSkipProperties: ['speakers', 'organisations'],
        tokenizeSkipProperties: ['speakers', 'organisations'],
      },
    },
  }) as AnyOrama;
}

export function orama(): Peer {
  let db = newDb();
  return {
    name: 'Orama (fr stemmer, facets)',
    extras: 'ranked ids + facet counts',
    async build(list: Article[]) {
      db = newDb();
      await insertMultiple(
        db,
        list.map((a) => ({ id: a.id, title: a.title, text: a.text, speakers: a.speakers, organisations: a.organisations })),
        1000,
      );
    },
    async search({ q, speaker }: PeerQuery) {
      const result = await search(db, {
        term: q,
        properties: ['title', 'text'],
        boost: { title: 2 },
        tolerance: 1,
        limit: TOP,
        facets: { speakers: { limit: 100 }, organisations: { limit: 100 } },
        ...(speaker ? { where: { speakers: speaker } } : {}),
      });
      return result.hits.map((h) => String(h.document.id));
    },
    async serialize() {
      return JSON.stringify(save(db));
    },
    async load(data) {
      db = newDb();
      load(db, JSON.parse(data));
    },
  };
}
