/** MiniSearch with depeches' French analysis (indexTerms) as tokenizer, without its query compiler, facets or snippets. */
import { indexTerms } from '../../src/analysis/index.js';
import type { Peer } from './types.js';
import { miniSearchPeer } from './minisearch-peer.js';

export function miniSearchFrench(): Peer {
  return miniSearchPeer({
    name: 'MiniSearch + French analysis',
    options: {
      idField: 'n',
      fields: ['title', 'text', 'speakers', 'organisations'],
      storeFields: [],
      tokenize: (text: string) => indexTerms(text),
      processTerm: (term: string) => term,
    },
    document: (a, n) => ({ n, title: a.title, text: a.text, speakers: a.speakers.join(' ; '), organisations: a.organisations.join(' ; ') }),
    searchOptions: (q) => ({
      prefix: (_term, i, terms) => i === terms.length - 1 && !q.endsWith(' '),
      fuzzy: 0.2,
      combineWith: 'AND',
      boost: { title: 2.5, speakers: 1.5, organisations: 1.5 },
    }),
  });
}
