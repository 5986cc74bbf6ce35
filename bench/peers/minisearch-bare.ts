/** MiniSearch as its docs set it up for search-as-you-type: default tokenizer, prefix + fuzzy 0.2, any word (OR), title boost. */
import type { Peer } from './types.js';
import { miniSearchPeer } from './minisearch-peer.js';

export function miniSearchBare(): Peer {
  return miniSearchPeer({
    name: 'MiniSearch (default)',
    options: { idField: 'n', fields: ['title', 'text'], storeFields: [] },
    document: (a, n) => ({ n, title: a.title, text: a.text }),
    searchOptions: () => ({ prefix: true, fuzzy: 0.2, boost: { title: 2 } }),
  });
}
