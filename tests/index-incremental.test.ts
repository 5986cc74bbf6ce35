import { cp, mkdtemp, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWord } from '../src/analysis/index.js';
import { indexCorpus, loadIndex } from '../src/index/index.js';
import { readCorpus, type Article } from '../src/ingest/index.js';
import { Searcher } from '../src/search/index.js';
import { SAMPLE_CORPUS } from './helpers/sample-index.js';

let work: string;
beforeAll(async () => (work = await mkdtemp(path.join(tmpdir(), 'depeches-incremental-'))));
afterAll(() => rm(work, { recursive: true, force: true }));

const byPath = (articles: Article[]) => {
  const map = new Map<string, Article[]>();
  for (const a of articles) map.set(a.path, [...(map.get(a.path) ?? []), a]);
  return map;
};

/** A whole second, which every file system stores exactly. */
const STAMP = new Date('2024-01-01T00:00:00Z');

/** Overwrites a file with other bytes of the same length, keeping its modification time (STAMP, set before the first read). */
async function replaceKeepingStamp(file: string, from: string, to: string): Promise<void> {
  expect((await stat(file)).mtimeMs).toBe(STAMP.getTime());
  const text = await readFile(file, 'utf8');
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
  await utimes(file, STAMP, STAMP);
}

describe('readCorpus with a previous run', () => {
  it('trusts a file whose size and modification time are unchanged without reading it', async () => {
    const corpus = path.join(work, 'stamps');
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    await utimes(path.join(corpus, '002_7c4669d5fc0d68a3.txt'), STAMP, STAMP);
    const first = await readCorpus(corpus);
    expect(first.articles.every((a) => a.fileSize! > 0 && a.fileMtimeMs! > 0)).toBe(true);
    const file = path.join(corpus, '002_7c4669d5fc0d68a3.txt');
    // Same size, same time, other bytes: only a file that is read again would show the change.
    await replaceKeepingStamp(file, 'Tachkent', 'Samarcan');
    const second = await readCorpus(corpus, { previous: byPath(first.articles) });
    const article = second.articles.find((a) => a.path === '002_7c4669d5fc0d68a3.txt')!;
    expect(article.title + article.text).toContain('Tachkent');
    expect(article).toBe(first.articles.find((a) => a.path === article.path));

    // A new modification time: the file is read and hashed; changed bytes are extracted again.
    await utimes(file, new Date(), new Date());
    const third = await readCorpus(corpus, { previous: byPath(second.articles) });
    const reread = third.articles.find((a) => a.path === '002_7c4669d5fc0d68a3.txt')!;
    expect(reread.title + reread.text).toContain('Samarcan');
    expect(reread.title + reread.text).not.toContain('Tachkent');
  });

  it('reuses the articles of a touched but unchanged file, with its new time, and drops deleted files', async () => {
    const corpus = path.join(work, 'touched');
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    const first = await readCorpus(corpus);
    const touched = path.join(corpus, '000_f3dc22192a66a48d.txt');
    const later = new Date(Date.now() + 60_000);
    await utimes(touched, later, later);
    await unlink(path.join(corpus, '004_5c2e808d7d0e501c.txt'));
    const second = await readCorpus(corpus, { previous: byPath(first.articles) });
    expect(second.articles.map((a) => a.id)).not.toContain('004_5c2e808d7d0e501c');
    expect(second.articles).toHaveLength(4);
    const before = first.articles.find((a) => a.path === '000_f3dc22192a66a48d.txt')!;
    const after = second.articles.find((a) => a.path === '000_f3dc22192a66a48d.txt')!;
    const { fileMtimeMs: oldTime, ...sameBefore } = before;
    const { fileMtimeMs: newTime, ...sameAfter } = after;
    expect(sameAfter).toEqual(sameBefore);
    expect(newTime).toBe((await stat(touched)).mtimeMs);
    expect(newTime).not.toBe(oldTime);
  });
});

describe('indexCorpus rerun', () => {
  it('reuses every unchanged file, sees changes, additions and deletions, and saves the stamps', async () => {
    const corpus = path.join(work, 'rerun');
    const indexDir = path.join(work, 'rerun-index');
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    await utimes(path.join(corpus, '002_7c4669d5fc0d68a3.txt'), STAMP, STAMP);
    const first = await indexCorpus(corpus, indexDir);
    expect(first.filesReused).toBe(0);
    const again = await indexCorpus(corpus, indexDir);
    expect(again.filesReused).toBe(5);
    expect(again.documentsIndexed).toBe(5);

    await replaceKeepingStamp(path.join(corpus, '002_7c4669d5fc0d68a3.txt'), 'Tachkent', 'Samarcan');
    await utimes(path.join(corpus, '002_7c4669d5fc0d68a3.txt'), new Date(), new Date());
    await unlink(path.join(corpus, '001_2fae7799cb8809e3.txt'));
    await writeFile(path.join(corpus, 'nouveau.txt'), 'Le 5 mai 2023, la ministre Annalena Baerbock a déclaré à Berlin que le dialogue restait ouvert.');
    const third = await indexCorpus(corpus, indexDir);
    expect(third.filesReused).toBe(3);
    const index = await loadIndex(indexDir);
    expect(index.documents.map((d) => d.id).sort()).toEqual(['000_f3dc22192a66a48d', '002_7c4669d5fc0d68a3', '003_3bc2539186bf695d', '004_5c2e808d7d0e501c', 'nouveau']);
    const postings = new Searcher(index).postings;
    const found = (word: string) => [...postings.score([{ term: analyzeWord(word)!, weight: 1 }]).docs].map((n) => index.documents[n].id);
    expect(found('Samarcan')).toEqual(['002_7c4669d5fc0d68a3']);
    expect(found('Tachkent')).toEqual([]);
    expect(found('Baerbock')).toEqual(['nouveau']);
    const stamped = index.documents.find((d) => d.id === '000_f3dc22192a66a48d')!;
    expect(stamped.fileMtimeMs).toBe((await stat(path.join(corpus, '000_f3dc22192a66a48d.txt'))).mtimeMs);
  });

  it('gives reused articles the same speakers as the first build (names unified across the corpus once more)', async () => {
    const corpus = path.join(work, 'names');
    const indexDir = path.join(work, 'names-index');
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    const says = (name: string, topic: string) => `« Nous verrons bien », a déclaré ${name} à propos ${topic}, mardi à Lyon.`;
    // "Moussa Mouve" reads as a typo of the more frequent "Moussa Mouva"; "M. Mouve" is then Rachid Mouve
    await writeFile(path.join(corpus, 'mouva-1.txt'), says('Moussa Mouva', 'du budget'));
    await writeFile(path.join(corpus, 'mouva-2.txt'), says('Moussa Mouva', 'des retraites'));
    await writeFile(path.join(corpus, 'mouve-typo.txt'), says('Moussa Mouve', 'du métro'));
    await writeFile(path.join(corpus, 'rachid.txt'), says('Rachid Mouve', 'des écoles'));
    await writeFile(path.join(corpus, 'surname.txt'), says('M. Mouve', 'du stade'));
    await indexCorpus(corpus, indexDir);
    const speakersOf = async () => new Map((await loadIndex(indexDir)).documents.map((d) => [d.id, d.speakers]));
    const first = await speakersOf();
    expect(first.get('mouve-typo')).toEqual(['Moussa Mouva']);
    expect(first.get('surname')).toEqual(['Rachid Mouve']);
    const again = await indexCorpus(corpus, indexDir);
    expect(again.filesReused).toBe(10);
    expect(await speakersOf()).toEqual(first);
  });

  it('builds the same index over worker threads as in one thread', async () => {
    const local = await indexCorpus(SAMPLE_CORPUS, path.join(work, 'local'), { threads: 0 });
    const parallel = await indexCorpus(SAMPLE_CORPUS, path.join(work, 'parallel'), { threads: 2 });
    expect(parallel.termCount).toBe(local.termCount);
    const [a, b] = [await loadIndex(path.join(work, 'local')), await loadIndex(path.join(work, 'parallel'))];
    expect(b.documents.map((d) => ({ ...d }))).toEqual(a.documents.map((d) => ({ ...d })));
    for (let n = 0; n < a.documents.length; n++) for (const f of [0, 1] as const) expect([...b.positions.sequence(n, f)]).toEqual([...a.positions.sequence(n, f)]);
    // The same inverted index, array for array.
    expect(b.compact.terms).toEqual(a.compact.terms);
    for (const key of ['termOffsets', 'postings', 'fieldLengths', 'averageFieldLengths'] as const) expect([...b.compact[key]], key).toEqual([...a.compact[key]]);
  });
});
