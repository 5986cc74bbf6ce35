import { indexCorpus, loadIndex } from './src/index/index.js';
import { search } from './src/search/index.js';
import { facetFilters } from './src/analysis/index.js';
import { existsSync } from 'node:fs';
const dir = '/tmp/q/idx';
if (!existsSync(dir + '/catalog.json')) await indexCorpus('../shared/realnews-dev/corpus', dir);
const index = await loadIndex(dir);
for (const q of process.argv.slice(2)) {
  const r = search(index, { q, filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' });
  console.log(`\n${q}: total ${r.total} partial ${JSON.stringify(r.partial)} relaxed ${JSON.stringify(r.relaxed)}`);
  for (const h of r.hits) console.log(' ', h.id, h.score, h.partial ? 'P' : '', h.title.slice(0, 70));
}
const n = index.byId.get('le-matin:16');
console.log('le-matin:16', n, n !== undefined ? index.documents[n].title : '');
const a = index.documents[463];
console.log([...(a.title + ' ' + a.text).matchAll(/\w*(polic|sort|arme)\w*/gi)].map(m => m[0]).join(' '));
