import { describe, expect, it } from 'vitest';
import { extractSource, extractTitle } from '../../src/ingest/index.js';
import { sampleText } from './helpers.js';

describe('extractTitle', () => {
  it('takes a short first line without a final period as the headline', () => {
    expect(extractTitle('Le gel frappe les vignes du Bordelais\n\nLes viticulteurs ont perdu une partie de leur récolte.')).toBe(
      'Le gel frappe les vignes du Bordelais',
    );
    expect(extractTitle('Faut-il rouvrir la centrale ?\n\nLe débat reprend.')).toBe('Faut-il rouvrir la centrale ?');
  });

  it('skips chrome and date lines before the headline', () => {
    expect(extractTitle(sampleText('001_2fae7799cb8809e3'))).toMatch(/^Les ministres des AE chinois et russe/);
    expect(extractTitle(sampleText('004_5c2e808d7d0e501c'))).toBe('La Chine veut « approfondir » ses relations avec la Russie');
    expect(extractTitle(sampleText('003_3bc2539186bf695d'))).toBe(
      "Wang Yi s'entretient par téléphone avec le Ministre russe des Affaires étrangères Sergueï Lavrov",
    );
  });

  it('otherwise shortens the first sentence to about 120 characters at a word boundary', () => {
    const title = extractTitle(sampleText('002_7c4669d5fc0d68a3'));
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(121);
    expect(title).toBe("Le 15 juillet 2021, heure locale, le Conseiller d'État et Ministre des Affaires étrangères Wang Yi a rencontré son…");
  });

  it('does not end a first sentence at "M." and keeps a short one whole, without its period', () => {
    expect(extractTitle('M. Dupont a démissionné hier soir. Son successeur sera nommé demain.')).toBe('M. Dupont a démissionné hier soir');
  });
});

describe('extractSource', () => {
  it('reads the dateline "Xinhua | 11.01.2022 08h27"', () => {
    expect(extractSource(sampleText('001_2fae7799cb8809e3'))).toBe('Xinhua');
  });

  it('does not take an agency quoted in the body for the publisher', () => {
    expect(extractSource(sampleText('004_5c2e808d7d0e501c'))).toBeNull();
    expect(extractSource(sampleText('000_f3dc22192a66a48d'))).toBeNull();
  });

  it('reads agency credits, source lines and copyright lines, with canonical agency names', () => {
    expect(extractSource('PÉKIN, 10 janvier (Xinhua) -- Le ministre a parlé.')).toBe('Xinhua');
    expect(extractSource('Le ministre a parlé.\n\n(avec Agence France-Presse)')).toBe('AFP');
    expect(extractSource('Le ministre a parlé.\n\nSource : Reuters')).toBe('Reuters');
    expect(extractSource('Le ministre a parlé.\n\n© 2023 Le Courrier des steppes. Tous droits réservés.')).toBe('Le Courrier des steppes');
    expect(extractSource('Le ministre a parlé.')).toBeNull();
  });
});
