import { describe, expect, it } from 'vitest';
import { articleFromText, extractSource, extractTitle } from '../../src/ingest/index.js';
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

describe('titles of records without one', () => {
  function titleOf(text: string, url?: string, title?: string): string {
    return articleFromText({ id: 'x:1', path: 'x.jsonl', format: 'jsonl', text, fileHash: '0', given: { url, title } }).title;
  }

  it.each([
    // real: La Presse, ids before the slug; accents and the apostrophe from the words of the text
    [
      'https://www.lapresse.ca/international/europe/201712/30/01-5148553-france-laccueil-des-refugies-ne-peut-plus-continuer-ainsi.php',
      "L'accueil des réfugiés en France ne peut plus continuer ainsi, a dit le ministre.",
      "France l'accueil des réfugiés ne peut plus continuer ainsi",
    ],
    // real: Le Soleil, a hash after the slug
    [
      'https://www.lesoleil.com/actualite/monde/arsenal-repressif-etoffe-contre-les-gilets-jaunes-3062da8d1401310561283b65b89b5279',
      'L’exécutif a étoffé son arsenal répressif contre les manifestants.',
      'Arsenal répressif étoffé contre les gilets jaunes',
    ],
    // real: Tribune de Genève, the slug before "story/<id>"
    ['https://www.tdg.ch/high-tech/enquete-faux-comptes-gilets-jaunes/story/18639060', 'Une enquête est ouverte sur de faux comptes.', 'Enquête faux comptes gilets jaunes'],
    // invented: a word the text does not write keeps the slug's letters
    ['https://www.courrier-du-leman.example/2024/04/04/le-pont-de-brevannes-rouvre-enfin', 'Les riverains attendaient.', 'Le pont de brevannes rouvre enfin'],
    // real: slugs that dropped the apostrophe; "sont" stays a word
    ['https://www.tdg.ch/monde/telecabine-effraie-skieurs-sont-evacues/story/123456', 'Une télécabine effraie les skieurs. Ils ont été évacués.', 'Télécabine effraie skieurs sont évacués'],
    ['https://news.example/2024/04/04/victimes-dun-pesticide', 'Un pesticide a fait des victimes.', "Victimes d'un pesticide"],
    ['https://news.example/2024/04/04/de-retour-au-cur-de-paris', 'Ils sont de retour au cœur de Paris.', 'De retour au cœur de Paris'],
    ['https://news.example/2024/04/04/l-ete-sera-chaud-a-vizille', "L'été sera chaud, dit le maire de Vizille.", "L'été sera chaud a Vizille"],
  ])('%s', (url, text, expected) => {
    expect(titleOf(text, url)).toBe(expected);
  });

  it('keeps a given title, and falls back to the first sentence when the url has no slug', () => {
    expect(titleOf('Le texte.', 'https://news.example/2024/04/04/un-titre-de-slug', 'Le vrai titre')).toBe('Le vrai titre');
    expect(titleOf('Le pont rouvre enfin. Les riverains sont soulagés.', 'https://news.example/article/123456')).toBe('Le pont rouvre enfin');
  });

  it('drops the dateline or rubric of a first sentence (real)', () => {
    expect(titleOf('PARIS | Près de 283 000 manifestants ont participé samedi aux blocages. La suite.')).toBe(
      'Près de 283 000 manifestants ont participé samedi aux blocages',
    );
    expect(titleOf('Paris — Quelques blocages subsistaient mercredi en France. La suite.')).toBe('Quelques blocages subsistaient mercredi en France');
    expect(titleOf('VIDÉO - Un policier sort son arme sur les Champs-Élysées. La suite.')).toBe('Un policier sort son arme sur les Champs-Élysées');
  });

  it('does not cut a first sentence at ".." or "?" (real)', () => {
    expect(titleOf('En France, ils appellent ça tempête Gabriel.. Ici, au Québec, c’est normal. La suite.')).toBe(
      'En France, ils appellent ça tempête Gabriel.. Ici, au Québec, c’est normal',
    );
    expect(titleOf('QS dérange? «Habituez-vous», dit le porte-parole. La suite.')).toBe('QS dérange? «Habituez-vous», dit le porte-parole');
  });
});
