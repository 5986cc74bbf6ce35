import { describe, expect, it } from 'vitest';
import { parseQuery } from '../src/search/index.js';

describe('query language', () => {
  it('reads words, the last one as a prefix while typing', () => {
    expect(parseQuery('relations bilat').clauses).toEqual([
      { kind: 'word', text: 'relations', negated: false, prefix: false },
      { kind: 'word', text: 'bilat', negated: false, prefix: true },
    ]);
    expect(parseQuery('relations ').clauses[0]).toMatchObject({ prefix: false });
  });

  it('reads phrases, exclusions, OR and field terms', () => {
    expect(parseQuery('"Asie centrale" -Kazakhstan').clauses).toEqual([
      { kind: 'phrase', words: ['Asie', 'centrale'], negated: false },
      { kind: 'word', text: 'Kazakhstan', negated: true, prefix: false },
    ]);
    expect(parseQuery('Lavrov OR Wang').clauses).toEqual([
      {
        kind: 'any',
        clauses: [
          { kind: 'word', text: 'Lavrov', negated: false, prefix: false },
          { kind: 'word', text: 'Wang', negated: false, prefix: true },
        ],
      },
    ]);
    expect(parseQuery('speaker:Lavrov org:"Nations unies"').clauses).toEqual([
      { kind: 'word', text: 'Lavrov', negated: false, prefix: false, field: 'speakers' },
      { kind: 'phrase', words: ['Nations', 'unies'], negated: false, field: 'organisations' },
    ]);
    expect(parseQuery('-"guerre froide"').clauses).toEqual([{ kind: 'phrase', words: ['guerre', 'froide'], negated: true }]);
    expect(parseQuery('« Asie centrale »').clauses[0]).toMatchObject({ kind: 'phrase', words: ['Asie', 'centrale'] });
  });

  it('reads malformed queries as plain text', () => {
    expect(parseQuery('"Asie centrale').clauses.map((c) => c.kind === 'word' && c.text)).toEqual(['Asie', 'centrale']);
    expect(parseQuery(' - * () OR ').clauses).toEqual([]);
    expect(parseQuery('(chine OR').clauses).toEqual([{ kind: 'word', text: 'chine', negated: false, prefix: false }]);
    expect(parseQuery('inconnu:mot').clauses.map((c) => c.kind === 'word' && c.text)).toEqual(['inconnu', 'mot']);
  });
});
