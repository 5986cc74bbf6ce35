import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexCorpus } from '../../src/index/index.js';
import { readCurrentDocuments } from '../../src/index/store.js';
import { readCorpus } from '../../src/ingest/index.js';
import { GOOD_TEXT, tempFolder, writeFiles } from './in-helpers.js';

/**
 * Ids given in JSON Lines are validated, and no id shadows another
 * article: a file keeps its own id, a later article with a taken id is
 * indexed as `id~2` and reported.
 */

const work = tempFolder('in-jsonl-ids');
afterAll(work.dispose);

const line = (fields: Record<string, unknown>) => JSON.stringify(fields);
const corpus = path.join(work.dir, 'corpus');
writeFiles(corpus, {
  'flux.jsonl': [
    line({ id: '../../etc/passwd', text: 'Une dépêche au nom de chemin.' }),
    line({ id: 'a'.repeat(201), text: 'Une dépêche au nom trop long.' }),
    line({ id: 'avec espace', text: 'Une dépêche au nom avec une espace.' }),
    line({ id: 'notes/a', text: 'Une dépêche qui prend le nom d’un fichier.' }),
    line({ id: 'agence:2023-03-02/12', text: 'Une dépêche au nom valide.' }),
    line({ id: 'double', text: 'La première dépêche nommée double.' }),
    line({ id: 'double', text: 'La seconde dépêche nommée double.' }),
    line({ id: 'z'.repeat(200), text: 'Une dépêche au nom de 200 caractères.' }),
  ].join('\n'),
  'notes/a.txt': GOOD_TEXT,
});

const REPORTED = [
  { path: 'flux.jsonl', reason: 'line 1: invalid id "../../etc/passwd" (letters A-Z a-z, digits and _ . : / - only, at most 200 characters, no empty, "." or ".." part between slashes): indexed as flux:1' },
  { path: 'flux.jsonl', reason: `line 2: invalid id "${'a'.repeat(60)}…" (letters A-Z a-z, digits and _ . : / - only, at most 200 characters, no empty, "." or ".." part between slashes): indexed as flux:2` },
  { path: 'flux.jsonl', reason: 'line 3: invalid id "avec espace" (letters A-Z a-z, digits and _ . : / - only, at most 200 characters, no empty, "." or ".." part between slashes): indexed as flux:3' },
  { path: 'flux.jsonl', reason: 'duplicate id notes/a (already used by notes/a.txt): indexed as notes/a~2' },
  { path: 'flux.jsonl', reason: 'duplicate id double (already used by flux.jsonl): indexed as double~2' },
];

describe('JSON Lines ids', () => {
  it('readCorpus reports invalid and clashing ids and keeps every article', async () => {
    const result = await readCorpus(corpus);
    expect(result.skipped).toEqual(REPORTED);
    const textOf = new Map(result.articles.map((a) => [a.id, a.text]));
    expect(textOf.get('notes/a')).toContain('réforme des retraites'); // the file keeps its own id
    expect(textOf.get('notes/a~2')).toBe('Une dépêche qui prend le nom d’un fichier.');
    expect(textOf.get('flux:1')).toBe('Une dépêche au nom de chemin.');
    expect(textOf.get('flux:2')).toBe('Une dépêche au nom trop long.');
    expect(textOf.get('agence:2023-03-02/12')).toBe('Une dépêche au nom valide.');
    expect(textOf.get('double')).toBe('La première dépêche nommée double.');
    expect(textOf.get('double~2')).toBe('La seconde dépêche nommée double.');
    expect(textOf.has('z'.repeat(200))).toBe(true);
    expect(result.articles).toHaveLength(9);
  });

  it('indexCorpus keeps both articles of a clash findable', async () => {
    const out = path.join(work.dir, 'index');
    const report = await indexCorpus(corpus, out);
    expect(report.skipped).toEqual(REPORTED);
    const documents = (await readCurrentDocuments(out)) ?? [];
    expect(documents.map((d) => d.id)).toEqual(expect.arrayContaining(['notes/a', 'notes/a~2', 'double', 'double~2']));
    expect(report.documentsIndexed).toBe(9);
  });

  it('a file given the same path-derived id by two extensions keeps both', async () => {
    const dir = path.join(work.dir, 'deux');
    writeFiles(dir, { 'meme.md': GOOD_TEXT, 'meme.txt': GOOD_TEXT.replace('Paris', 'Lille') });
    const result = await readCorpus(dir);
    expect(result.articles.map((a) => [a.id, a.path])).toEqual([
      ['meme', 'meme.md'],
      ['meme~2', 'meme.txt'],
    ]);
  });
});
