import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexCorpus } from '../../src/index/index.js';
import { readCurrentDocuments } from '../../src/index/store.js';
import { readCorpus } from '../../src/ingest/index.js';
import { GOOD_TEXT, tempFolder, writeFiles } from './in-helpers.js';

/** No file's nesting can exhaust a stack: a deep file is read, or skipped with its reason; the run goes on. */

const work = tempFolder('in-nesting');
afterAll(work.dispose);

const corpus = path.join(work.dir, 'corpus');
writeFiles(corpus, {
  'a-bon.txt': GOOD_TEXT,
  'div-profond.html': `<html><body>${'<div>'.repeat(10_000)}Texte au fond de la page.</body></html>`,
  'article-profond.html': `<html><body>${'<article>'.repeat(5_000)}Texte au fond.</body></html>`,
  'json-ld-profond.html':
    `<html><head><script type="application/ld+json">${'['.repeat(5_000)}${']'.repeat(5_000)}</script>` +
    `<script type="application/ld+json">{"a": ${'{"b":'.repeat(5_000)}1${'}'.repeat(5_000)}}</script>` +
    `<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-03-02"}</script></head>` +
    `<body><article><h1>Un sommet à Astana</h1><p>Les dirigeants se sont réunis jeudi à Astana pour le sommet annuel.</p></article></body></html>`,
  'citation-profonde.md': `${'> '.repeat(50_000)}Une citation très imbriquée.\n`,
  'liste-profonde.md': `${'  '.repeat(20_000)}- un élément de liste\n`,
  // The YAML parser recurses on nesting: several files, so that V8 compiles its regular expressions while deep in the stack.
  ...Object.fromEntries(
    Array.from({ length: 4 }, (_, k) => [`entete-profonde-${k}.md`, `---\ntitle: ${'['.repeat(2_000 * (k + 1))}\n---\nUn article à l’en-tête piégé.\n`]),
  ),
  'flux.jsonl': [JSON.stringify({ id: 'premier', text: 'La première dépêche du flux.' }), `{"text": "x", "a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, JSON.stringify({ id: 'dernier', text: 'La dernière dépêche du flux.' })].join('\n'),
  'entete-tirets.md': `---\n${'- '.repeat(10_000)}a\n---\nUn article à l’en-tête de tirets.\n`,
});

describe('deeply nested files', () => {
  it('readCorpus reads each file or lists it with its reason', async () => {
    const result = await readCorpus(corpus);
    const byPath = new Map(result.articles.map((a) => [a.path, a]));
    expect(result.skipped).toEqual([
      { path: 'article-profond.html', reason: 'HTML nested more than 512 levels deep: not read' },
      { path: 'div-profond.html', reason: 'HTML nested more than 512 levels deep: not read' },
      ...[0, 1, 2, 3].map((k) => ({ path: `entete-profonde-${k}.md`, reason: 'front matter nested too deeply: ignored' })),
      { path: 'entete-tirets.md', reason: 'front matter nested too deeply: ignored' },
      { path: 'flux.jsonl', reason: 'line 2: JSON nested more than 64 levels deep' },
    ]);
    expect(byPath.has('flux.jsonl')).toBe(true);
    expect(result.articles.filter((a) => a.path === 'flux.jsonl').map((a) => a.id)).toEqual(['premier', 'dernier']);
    expect(byPath.get('entete-profonde-3.md')?.text).toBe('Un article à l’en-tête piégé.');
    expect(byPath.get('entete-tirets.md')?.text).toBe('Un article à l’en-tête de tirets.');
    expect(byPath.get('a-bon.txt')?.text).toContain('réforme des retraites');
    expect(byPath.get('json-ld-profond.html')?.date).toBe('2023-03-02');
    expect(byPath.get('json-ld-profond.html')?.text).toContain('sommet annuel');
    expect(byPath.get('citation-profonde.md')?.text).toBe('Une citation très imbriquée.');
    expect(byPath.get('liste-profonde.md')?.text).toBe('un élément de liste');
  });

  it('indexCorpus builds the index of the others', async () => {
    const out = path.join(work.dir, 'index');
    const report = await indexCorpus(corpus, out);
    expect(report.skipped.map((s) => s.path)).toEqual(['article-profond.html', 'div-profond.html', 'entete-profonde-0.md', 'entete-profonde-1.md', 'entete-profonde-2.md', 'entete-profonde-3.md', 'entete-tirets.md', 'flux.jsonl']);
    const ids = ((await readCurrentDocuments(out)) ?? []).map((d) => d.id).sort();
    expect(ids).toEqual(['a-bon', 'citation-profonde', 'dernier', 'entete-profonde-0', 'entete-profonde-1', 'entete-profonde-2', 'entete-profonde-3', 'entete-tirets', 'json-ld-profond', 'liste-profonde', 'premier']);
  });

  it('reports a JSON Lines file of 150 000 bad lines line by line, without overflowing the stack', async () => {
    const dir = path.join(work.dir, 'lignes');
    writeFiles(dir, { 'a-bon.txt': GOOD_TEXT, 'flux.jsonl': `${'{"text": 1}\n'.repeat(150_000)}${JSON.stringify({ id: 'bon', text: 'La dernière ligne est bonne.' })}\n` });
    const result = await readCorpus(dir);
    expect(result.skipped).toHaveLength(150_000);
    expect(result.skipped[149_999]).toEqual({ path: 'flux.jsonl', reason: 'line 150000: missing "text"' });
    expect(result.articles.map((a) => a.id)).toEqual(['a-bon', 'bon']);
  });

  it('reads a page nested a few hundred levels, as real pages never exceed', async () => {
    const dir = path.join(work.dir, 'normal');
    writeFiles(dir, { 'page.html': `<html><body>${'<div>'.repeat(300)}<p>Le texte de la page, bien au fond.</p>${'</div>'.repeat(300)}</body></html>` });
    const result = await readCorpus(dir);
    expect(result.skipped).toEqual([]);
    expect(result.articles[0].text).toBe('Le texte de la page, bien au fond.');
  });
});
