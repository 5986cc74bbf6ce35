/**
 * The query plan (src/search/query-plan.ts) on the real embedded index of a
 * few invented articles: each word's alternatives as the README's query
 * language promises them, and the budgets of src/search/match-options.ts.
 */
import { describe, expect, it } from 'vitest';
import { MATCH_OPTIONS, typoBudget } from '../src/search/match-options.js';
import { embeddedDictionary } from '../src/search/match-terms.js';
import { parseQuery } from '../src/search/parse-query.js';
import { hyphenatedSpelling, planQuery, wordPlans, type WordPlan } from '../src/search/query-plan.js';
import { searcherOfFiles } from './helpers/sample-index.js';

const FILES = {
  'a.txt': 'Zorbaliev rencontre Quenterel\n\nLe ministre Vadim Zorbaliev a rencontré Ilse Quenterel à Brovnik pour parler de coopération régionale et de la démocratie.',
  'b.txt': 'Brovnik accueille le sommet\n\nLa coopération entre les deux villes progresse, a déclaré Ilse Quenterel devant le conseil municipal de Brovnik.',
  'c.txt': 'La fête du Tic-tac-boum\n\nLe Tic-tac-boum de Brovnik et la tour de Saint-Germain-des-Prés ont reçu les co-présidents du conseil.',
};

describe('the query plan', () => {
  const built = searcherOfFiles(FILES);

  const words = (q: string): WordPlan[] => wordPlans(planQuery(parseQuery(q), embeddedDictionary(built.searcher.postings)));
  const forms = (w: WordPlan, kind?: string) => w.alternatives.filter((a) => !kind || a.kind === kind).map((a) => a.form);

  it('gives a known word its stem alone, and takes it as meant', () => {
    const [word] = words('coopérations ');
    expect(word.alternatives).toEqual([{ form: 'cooper', kind: 'stem', weight: 1 }]);
  });

  it('completes the word being typed, each completion counting less than the word', () => {
    const [word] = words('Zorba');
    expect(forms(word, 'completion')).toContain('zorbaliev');
    for (const a of word.alternatives) expect(a.weight).toBeLessThan(1);
  });

  it('stands for an overshooting typed stem by its longest indexed beginning', () => {
    const [word] = words('coopérat');
    expect(forms(word, 'truncated-stem')).toEqual(['cooper']);
  });

  it('corrects an unknown name within its budget, on the stem and as written', () => {
    const [name] = words('Zorbalief ');
    expect(name.budget).toBe(2);
    expect(forms(name)).toContain('zorbaliev');
    expect(name.alternatives.every((a) => a.kind === 'typo' || a.kind === 'typo-on-stem' || a.kind === 'completion' || a.kind === 'truncated-stem')).toBe(true);
    // Two swapped letters are one typo: "Brovnki" (7 letters, one typo) finds "Brovnik".
    const [swapped] = words('Brovnki ');
    expect(swapped.alternatives.find((a) => a.form === 'brovnik')?.kind).toMatch(/^typo/);
  });

  it('forgives nothing in a short word, nor in an excluded one', () => {
    expect(words('Brvo ')[0].alternatives).toEqual([]);
    const [excluded] = words('coopération -Zorbalief');
    expect(excluded.alternatives.length).toBeGreaterThan(0);
    const negated = words('coopération -Zorbalief')[1];
    expect(negated.negated).toBe(true);
    expect(negated.alternatives).toEqual([{ form: 'zorbalief', kind: 'exact', weight: 1 }]);
  });

  it('keeps a stop word being typed as optional, and drops a finished one', () => {
    const typing = planQuery(parseQuery('conseil de'), embeddedDictionary(built.searcher.postings));
    expect((typing.clauses[1] as WordPlan).optional).toBe(true);
    expect(forms(typing.clauses[1] as WordPlan, 'completion')).toContain('democrat');
    expect(planQuery(parseQuery('conseil de '), embeddedDictionary(built.searcher.postings)).clauses[1]).toBeNull();
  });

  it('writes the field, phrases and NEAR groups down as parsed', () => {
    const plan = planQuery(parseQuery('speaker:Quenterel "conseil municipal" coopération NEAR/3 régionale'), embeddedDictionary(built.searcher.postings));
    expect(plan.clauses.map((c) => c?.kind)).toEqual(['word', 'phrase', 'near']);
    expect((plan.clauses[0] as WordPlan).field).toBe('speakers');
  });
  it('writes a compound\'s other spellings into the plan: joined up to three parts, apart always, and a word as the compounds it joins', () => {
    const [compound] = words('Tic-tac-boum ');
    expect(compound.apart).toMatchObject({ words: ['Tic', 'tac', 'boum'], weight: MATCH_OPTIONS.compounds.apartWeight });
    // Nobody wrote "tictacboum": the joined spelling is asked, and not kept.
    expect(forms(compound, 'joined')).toEqual([]);
    const [joined] = words('tictacboum ');
    expect(joined.alternatives.filter((a) => a.kind === 'hyphenated')).toEqual([{ form: 'tic-tac-boum', kind: 'hyphenated', weight: MATCH_OPTIONS.compounds.spellingWeight, written: 'tic-tac-boum' }]);
    expect(words('copresidents ')[0].alternatives.find((a) => a.kind === 'hyphenated')?.written).toBe('co-presidents');
    // Four parts are a name, not a spelling: apart, never joined.
    const [name] = words('Saint-Germain-des-Prés ');
    expect(name.apart?.words).toEqual(['Saint', 'Germain', 'des', 'Prés']);
    expect(forms(words('saintgermaindespres ')[0], 'hyphenated')).toEqual([]);
    // An excluded word is excluded as written; an apostrophe compound has no other spelling.
    expect(words('-Tic-tac-boum ')[0].apart).toBeNull();
    expect(words("aujourd'hui ")[0].apart).toBeNull();
  });

  it('writes the hyphens into the word as typed, or folded when folding changed its length', () => {
    expect(hyphenatedSpelling('Anticasseurs', 'anticasseurs', [4])).toBe('Anti-casseurs');
    expect(hyphenatedSpelling('tictacboum', 'tictacboum', [3, 6])).toBe('tic-tac-boum');
    expect(hyphenatedSpelling('cœurmachin', 'coeurmachin', [5])).toBe('coeur-machin');
  });
});

describe('the typo budget', () => {
  it('grows with the word: none under 5 letters, one up to 8, two beyond, one at most while typing', () => {
    expect(['ours', 'lavrof', 'kazakhstqnn', 'covid19xx'].map((w) => typoBudget(w))).toEqual([0, 1, 2, 0]);
    expect(typoBudget('kazakhstqnn', true)).toBe(MATCH_OPTIONS.typos.whileTyping);
    expect(typoBudget('a'.repeat(MATCH_OPTIONS.typos.maxLength + 1))).toBe(0);
  });
});
