import { describe, expect, it } from 'vitest';
import { pickLatest, type EntityQuotation } from '../src/search/entity-quotations.js';

const quote = (id: string, text: string, date = '2024-03-12'): EntityQuotation => ({ id, title: `Titre ${id}`, date, source: null, text, kind: 'direct', opening: text });

describe('the latest quotations of a person page', () => {
  it('shows at most two of one article and whole sentences before fragments, newest first', () => {
    const candidates = [
      quote('a', 'frapper les consciences'),
      quote('a', 'Nous rouvrirons le port de Brest au printemps'),
      quote('a', 'Les quais seront rénovés avant l’été, a-t-il promis'),
      quote('a', 'Ce chantier est le plus grand de la décennie'),
      quote('b', 'Le pont de Morlaix restera fermé tout l’hiver', '2024-03-10'),
      quote('c', 'réaction populaire', '2024-03-01'),
    ];
    expect(pickLatest(candidates, 3).map((q) => q.text)).toEqual([
      'Nous rouvrirons le port de Brest au printemps',
      'Les quais seront rénovés avant l’été, a-t-il promis',
      'Le pont de Morlaix restera fermé tout l’hiver',
    ]);
    // Fragments and a third quotation of one article fill the list when nothing else does, still newest first.
    expect(pickLatest(candidates, 6).map((q) => q.text)).toEqual(candidates.map((q) => q.text));
    expect(pickLatest([], 5)).toEqual([]);
  });
});
