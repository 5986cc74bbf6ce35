import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetFilters, tokenize } from '../src/analysis/index.js';
import { indexCorpus, loadIndex, type SearchIndex } from '../src/index/index.js';
import { storySignature } from '../src/index/same-story.js';
import { search, Searcher, type SearchRequest } from '../src/search/index.js';
import { STORY_FILES, writeStoryCorpus } from './helpers/story-corpus.js';

let work: string;
beforeAll(async () => (work = await mkdtemp(path.join(tmpdir(), 'depeches-stories-'))));
afterAll(() => rm(work, { recursive: true, force: true }));

const request = (changes: Partial<SearchRequest> = {}): SearchRequest => ({ q: '', filters: facetFilters(), from: null, to: null, page: 1, perPage: 50, sort: 'date', ...changes });
/** The stories of an index as sorted lists of article ids. */
const stories = (index: SearchIndex) => {
  const groups = new Map<number, string[]>();
  index.storyOf.forEach((s, n) => groups.set(s, [...(groups.get(s) ?? []), index.documents[n].id]));
  return [...groups.values()].map((ids) => ids.sort()).filter((ids) => ids.length > 1).sort((a, b) => a[0].localeCompare(b[0]));
};

describe('same story in the index', () => {
  it('every fixture text is long enough to be compared (no pair stays apart for want of text)', () => {
    for (const articles of Object.values(STORY_FILES)) for (const a of articles) expect(storySignature(tokenize(a.text).map((t) => t.term)), a.id).not.toBeNull();
  });

  it('groups the real reprint and the invented ones, never different stories on one topic, and keeps the groups right as files come and go', async () => {
    const corpus = path.join(work, 'corpus');
    const out = path.join(work, 'index');
    await writeStoryCorpus(corpus);
    await indexCorpus(corpus, out, { threads: 0 });
    let index = await loadIndex(out);
    expect(stories(index)).toEqual([
      ['matin-port', 'presse-port', 'tribune-port'],
      ['presse-grece', 'tribune-grece'],
    ]);

    // Results show each story once, counted as such, with the other versions' sources.
    const searcher = new Searcher(index);
    const grouped = search(searcher, request());
    expect(grouped.articles).toBe(8);
    expect(grouped.total).toBe(5);
    const port = grouped.hits.find((h) => h.id === 'matin-port')!;
    expect(port.story?.versions).toBe(3);
    expect(port.story?.others.map((o) => o.source).sort()).toEqual(['La Presse', 'Tribune de Genève']);
    expect(grouped.hits.some((h) => h.id === 'presse-port' || h.id === 'tribune-port')).toBe(false);
    // A query found in one version only shows that version, still with its story.
    const edited = search(searcher, request({ q: 'ministre transports' }));
    expect(edited.hits.map((h) => h.id)).toEqual(['matin-port']);
    // Every version, and one story's versions.
    expect(search(searcher, request({ versions: 'all' })).hits).toHaveLength(8);
    expect(search(searcher, request({ story: 'tribune-port' })).hits.map((h) => h.id).sort()).toEqual(['matin-port', 'presse-port', 'tribune-port']);
    expect(search(searcher, request({ story: 'inconnu' })).total).toBe(0);

    // Removing a paper's file removes its versions from the groups; a later run with it back groups it again.
    await unlink(path.join(corpus, 'presse.jsonl'));
    await indexCorpus(corpus, out, { threads: 0 });
    index = await loadIndex(out);
    expect(stories(index)).toEqual([['matin-port', 'tribune-port']]);
    await writeStoryCorpus(corpus, ['presse.jsonl']);
    const report = await indexCorpus(corpus, out, { threads: 0 });
    expect(report.filesReused).toBe(3);
    index = await loadIndex(out);
    expect(stories(index)).toEqual([
      ['matin-port', 'presse-port', 'tribune-port'],
      ['presse-grece', 'tribune-grece'],
    ]);
  });

  it('groups the same way over worker threads as in one thread', async () => {
    const corpus = path.join(work, 'corpus-threads');
    await writeStoryCorpus(corpus);
    await indexCorpus(corpus, path.join(work, 'one'), { threads: 0 });
    await indexCorpus(corpus, path.join(work, 'two'), { threads: 2 });
    const [one, two] = await Promise.all([loadIndex(path.join(work, 'one')), loadIndex(path.join(work, 'two'))]);
    expect(stories(two)).toEqual(stories(one));
    expect([...two.storyOf]).toEqual([...one.storyOf]);
  });
});
