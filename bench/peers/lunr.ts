/** Lunr 2 with lunr-languages `fr` (French stemmer, stop words, trimmer); the word being typed gets a trailing wildcard. */
import lunr from 'lunr';
import { createRequire } from 'node:module';
import type { Article } from '../../src/ingest/types.js';
import { splitTyped, TOP, type Peer, type PeerQuery } from './types.js';

const require = createRequire(import.meta.url);
require('lunr-languages/lunr.stemmer.support')(lunr);
require('lunr-languages/lunr.fr')(lunr);
const fr = (lunr as unknown as { fr: lunr.Builder.Plugin }).fr;

export function lunrFr(): Peer {
  let index: lunr.Index | null = null;
  let articles: Article[] = [];
  return {
    name: 'Lunr + lunr-languages fr',
    extras: 'ranked ids',
    async build(list) {
      articles = list;
      index = lunr(function () {
        this.use(fr);
        this.ref('n');
        this.field('title', { boost: 2 });
        this.field('text');
        list.forEach((a, n) => this.add({ n, title: a.title, text: a.text }));
      });
    },
    async search({ q, speaker }: PeerQuery) {
      const { done, typing } = splitTyped(q);
      const words = (typing ? [...done, typing] : done).flatMap((w) => lunr.tokenizer(w).map((t) => t.toString())).filter(Boolean);
      if (words.length === 0) return [];
      const results = index!.query((query) => {
        words.forEach((w, k) => {
          const last = k === words.length - 1 && typing !== null;
          query.term(w, { editDistance: w.length >= 5 ? 1 : 0 });
          if (last) query.term(w, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false, boost: 0.5 });
        });
      });
      const ids = results.map((r) => articles[Number(r.ref)]);
      return (speaker ? ids.filter((a) => a.speakers.includes(speaker)) : ids).slice(0, TOP).map((a) => a.id);
    },
    async serialize() {
      return JSON.stringify(index);
    },
    async load(data, list) {
      articles = list;
      index = lunr.Index.load(JSON.parse(data));
    },
  };
}
