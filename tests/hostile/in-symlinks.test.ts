import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexCorpus } from '../../src/index/index.js';
import { readCurrentDocuments } from '../../src/index/store.js';
import { readCorpus, readCorpusFile } from '../../src/ingest/index.js';
import { GOOD_TEXT, tempFolder, writeFiles } from './in-helpers.js';

/** Nothing outside the corpus is read: symbolic links count only when their real path is inside it. */

const work = tempFolder('in-symlinks');
afterAll(work.dispose);

const SECRET = 'Motdepasse secret zqxv du serveur.';
const outside = path.join(work.dir, 'ailleurs');
const corpus = path.join(work.dir, 'corpus');
writeFiles(outside, { 'secret.txt': SECRET, 'dossier/b.txt': SECRET });
writeFiles(corpus, { 'a-bon.txt': GOOD_TEXT, '.archive/garde.txt': GOOD_TEXT.replace('Paris', 'Nantes') });
symlinkSync('../ailleurs/secret.txt', path.join(corpus, 'passwd.txt'));
symlinkSync(path.join(outside, 'secret.txt'), path.join(corpus, 'absolu.txt'));
symlinkSync('../ailleurs', path.join(corpus, 'dehors'));
symlinkSync('passwd.txt', path.join(corpus, 'relais.txt'));
symlinkSync('absent.txt', path.join(corpus, 'casse.txt'));
symlinkSync('boucle.txt', path.join(corpus, 'boucle.txt'));
symlinkSync('a-bon.txt', path.join(corpus, 'copie.txt'));
symlinkSync('.archive/garde.txt', path.join(corpus, 'archive.txt'));
symlinkSync('.', path.join(corpus, 'ici'));

const EXPECTED_SKIPS = [
  { path: 'absolu.txt', reason: 'symbolic link to a path outside the corpus: not read' },
  { path: 'boucle.txt', reason: 'symbolic link loop' },
  { path: 'casse.txt', reason: 'dangling symbolic link (its target does not exist)' },
  { path: 'dehors', reason: 'symbolic link to a path outside the corpus: not read' },
  { path: 'ici', reason: 'symbolic link to a folder of the corpus: not followed (its files are read at their own path)' },
  { path: 'passwd.txt', reason: 'symbolic link to a path outside the corpus: not read' },
  { path: 'relais.txt', reason: 'symbolic link to a path outside the corpus: not read' },
  { path: 'copie.txt', reason: 'symbolic link to a-bon.txt, read at its own path' },
];

describe('symbolic links', () => {
  it('readCorpus reads no file outside the corpus and lists every link it does not follow', async () => {
    const result = await readCorpus(corpus);
    expect(result.articles.some((a) => a.text.includes('zqxv'))).toBe(false);
    expect(result.skipped).toEqual(EXPECTED_SKIPS);
    // A link to a file inside the corpus that the walk does not list (a hidden folder) is read under the link's path.
    expect(result.articles.map((a) => a.id).sort()).toEqual(['a-bon', 'archive']);
  });

  it('indexCorpus indexes nothing from outside the corpus', async () => {
    const out = path.join(work.dir, 'index');
    const report = await indexCorpus(corpus, out);
    expect(report.skipped).toEqual(EXPECTED_SKIPS);
    const documents = (await readCurrentDocuments(out)) ?? [];
    expect(documents.map((d) => d.id).sort()).toEqual(['a-bon', 'archive']);
    expect(documents.some((d) => d.text.includes('zqxv'))).toBe(false);
  });

  it('readCorpusFile refuses a path whose real path is outside the corpus, however it is given', async () => {
    expect((await readCorpusFile(corpus, 'passwd.txt')).skipped).toEqual([{ path: 'passwd.txt', reason: 'its real path is outside the corpus: not read' }]);
    expect((await readCorpusFile(corpus, '../ailleurs/secret.txt')).skipped).toEqual([{ path: '../ailleurs/secret.txt', reason: 'its real path is outside the corpus: not read' }]);
  });
});
