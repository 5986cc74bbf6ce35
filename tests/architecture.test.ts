/**
 * The layout the README describes: the pipeline folders follow the data
 * (ingest -> analysis -> index -> search -> web, src/cli.ts the one entry)
 * and a stage imports only itself and earlier stages; files stay under ~300
 * lines unless their header says why; the field declaration spells each
 * field's names once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACETS, FIELDS, facetOf, PREFIXES } from '../src/analysis/index.js';

const SRC = path.resolve('src');
const STAGES = ['ingest', 'analysis', 'index', 'search', 'web'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : name.endsWith('.ts') ? [file] : [];
  });
}

/** The stage of a file under src: its first folder, or after every stage for src/cli.ts. */
function stageOf(file: string): number {
  const first = path.relative(SRC, file).split(path.sep)[0];
  const stage = STAGES.indexOf(first);
  if (stage >= 0) return stage;
  if (first === 'cli.ts') return STAGES.length;
  throw new Error(`${path.relative(SRC, file)} is in no pipeline folder`);
}

/** Relative modules a file imports (static, re-exported or dynamic), resolved to .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|new URL\(\s*)'(\.[^']+)'/g)].map((m) => m[1]);
  return specifiers.map((s) => path.resolve(path.dirname(file), s).replace(/\.js$/, '.ts'));
}

describe('pipeline layout', () => {
  const files = sourceFiles(SRC);

  it('has every source file in a stage folder', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expect(() => stageOf(file)).not.toThrow();
  });

  it('imports no later stage from an earlier one', () => {
    const backwards: string[] = [];
    let seen = 0;
    for (const file of files) {
      for (const imported of importsOf(file)) {
        if (!imported.startsWith(SRC + path.sep)) continue;
        seen++;
        if (stageOf(imported) > stageOf(file)) backwards.push(`${path.relative(SRC, file)} -> ${path.relative(SRC, imported)}`);
      }
    }
    expect(seen).toBeGreaterThan(200);
    expect(backwards).toEqual([]);
  });

  it('keeps no side table beside an index: what a build needs to be searched belongs to its Searcher', () => {
    const sideTables = files.filter((file) => /new WeakMap\b/.test(readFileSync(file, 'utf8'))).map((f) => path.relative(SRC, f));
    expect(sideTables).toEqual([]);
    // Nor private fields of a library: MiniSearch is used through its public API only.
    const privateReads = files.filter((file) => /\._(index|documentIds|fieldLength|avgFieldLength|storedFields|tree)\b/.test(readFileSync(file, 'utf8'))).map((f) => path.relative(SRC, f));
    expect(privateReads).toEqual([]);
  });

  it('keeps files under about 300 lines, or says why in the header', () => {
    const long = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return text.split('\n').length > 320 && !/^\/\*\*[\s\S]*?longer than 300 lines[\s\S]*?\*\//.test(text);
    });
    expect(long.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});

describe('backends as plug-ins', () => {
  const files = sourceFiles(SRC);
  const POSTGRES = [path.join(SRC, 'search', 'postgres'), path.join(SRC, 'index', 'postgres')];
  const BACKENDS = path.join(SRC, 'search', 'backends');
  const inside = (file: string, dir: string) => file.startsWith(dir + path.sep);

  it('lets the CLI and the web stage reach a backend only through the factory, never its PostgreSQL or index-folder code', () => {
    const entries = files.filter((file) => file === path.join(SRC, 'cli.ts') || inside(file, path.join(SRC, 'web')));
    expect(entries.length).toBeGreaterThan(10);
    const direct: string[] = [];
    for (const file of entries) {
      for (const imported of importsOf(file)) {
        if (POSTGRES.some((dir) => inside(imported, dir))) direct.push(`${path.relative(SRC, file)} -> ${path.relative(SRC, imported)}`);
        // Within the backends folder, only its index (the factory and the interfaces).
        if (inside(imported, BACKENDS) && imported !== path.join(BACKENDS, 'index.ts')) direct.push(`${path.relative(SRC, file)} -> ${path.relative(SRC, imported)}`);
      }
    }
    expect(direct).toEqual([]);
  });

  it('names no backend in cli.ts and server.ts but in the options that feed the factory', () => {
    for (const file of ['cli.ts', path.join('web', 'server.ts')]) {
      const code = readFileSync(path.join(SRC, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      // Branching on a backend is naming its class or its kind; the URL option and the usage text are allowed.
      expect(code, file).not.toMatch(/Postgres[A-Z]\w*|EmbeddedReader|\.kind\b|'postgres'|'embedded'/);
    }
  });
});

describe('field declaration', () => {
  it('gives each facet its own URL parameter, response key, label, chip class and PostgreSQL key and column', () => {
    for (const key of ['param', 'responseKey', 'label', 'title', 'chipClass', 'pgKey', 'pgKeysColumn'] as const) {
      const values = FACETS.map((name) => facetOf(name)[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
    // The date parameters and the response's date histogram are the date field's.
    expect(FACETS.map((name) => facetOf(name).param)).not.toContain('from');
    expect(FACETS.map((name) => facetOf(name).responseKey)).not.toContain('date');
  });

  it('lets each query prefix search one field, and keeps the public names of the first two facets', () => {
    expect(PREFIXES.get('speaker')).toBe('speakers');
    expect(PREFIXES.get('intervenant')).toBe('speakers');
    expect(PREFIXES.get('org')).toBe('organisations');
    expect(PREFIXES.get('organisation')).toBe('organisations');
    expect(PREFIXES.get('source')).toBe('source');
    expect(FIELDS.speakers.facet).toMatchObject({ param: 'speaker', responseKey: 'speaker' });
    expect(FIELDS.organisations.facet).toMatchObject({ param: 'org', responseKey: 'organisation' });
  });
});
