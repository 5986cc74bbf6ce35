import { describe, expect, it } from 'vitest';
import { cleanChrome, cleanDocument } from '../../src/ingest/index.js';

const BODY = 'Le ministre a présenté son plan devant les députés, qui ont voté le texte en première lecture.';

function cleaned(...lines: string[]): string {
  return cleanChrome([BODY, ...lines, BODY].join('\n\n'));
}

describe('cleanChrome', () => {
  it.each([
    ['share buttons', ['Partagez cet article sur :', 'Partager', 'Partager sur Facebook', 'Twitter', '  • Votre pseudo', '  •     ']],
    ['comment forms', ['Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *', 'Votre commentaire *', 'Nom *']],
    ['breadcrumbs', ["Page d'accueil>>Chine", 'Accueil › Monde › Asie', 'Accueil > Économie']],
    ['related-article lines', ['Lire aussi : Les prix de l’énergie repartent à la hausse', 'À lire aussi : un autre article', 'Retrouvez l’ensemble des articles concernant le congrès', 'Voir aussi la carte interactive']],
    ['update and date furniture', ['Dernière mise à jour à 08h53 le 11/01', 'Mis à jour le 3 mars 2023 à 10h', 'lundi, septembre 2', '2021-02-04 22:35', 'Publié le 12 mai 2022']],
    ['newsletters', ['Inscrivez-vous à notre newsletter', 'Abonnez-vous à notre lettre d’information quotidienne gratuite', 'Suivez-nous sur les réseaux sociaux']],
    ['copyright footers', ['© 2022 Le Courrier. Tous droits réservés.', 'Copyright Agence Test 2021', 'Tous droits réservés']],
    ['editors’ bylines and rules', ['(Rédacteurs :Shuang Sheng, Yishuang Liu)', '(Rédaction : Paul Martin)', '---', '* * *', '•']],
  ])('removes %s', (_label, lines) => {
    const text = cleaned(...lines);
    expect(text).toBe(`${BODY}\n\n${BODY}`);
  });

  it('drops the page tail after a comment or recommendation block in the second half', () => {
    const comments = cleanChrome([BODY, BODY, 'Laisser un commentaire', 'Jean : très bon article !', 'Marie : je ne suis pas d’accord.'].join('\n\n'));
    expect(comments).toBe(`${BODY}\n\n${BODY}`);
    const related = cleanChrome([BODY, BODY, 'Conseils de la rédaction :', 'Un autre titre sans rapport', 'Encore un titre'].join('\n\n'));
    expect(related).toBe(`${BODY}\n\n${BODY}`);
  });

  it('removes author lines and keeps their names out of the speakers', () => {
    for (const line of ['Par Jean Dupont', 'Par Anne Martin et Li Wei, à Pékin', 'De notre envoyé spécial à Kiev, Paul Roux', 'Par Aïgerim Nurlanova — 1er mars 2023']) {
      expect(cleaned(line), line).toBe(`${BODY}\n\n${BODY}`);
    }
    expect(cleanChrome('Par ailleurs, le ministre a parlé.')).toBe('Par ailleurs, le ministre a parlé.');
    expect(cleanDocument('Par Jean Dupont\n\nJean Dupont a déclaré que non.').editorNames).toEqual(['Jean Dupont']);
  });

  it('removes a byline glued to the last paragraph', () => {
    expect(cleanChrome(`${BODY} (Rédacteurs : Li Ming, Zhou Wei)`)).toBe(BODY);
  });

  it('keeps content that only looks like chrome', () => {
    const content = [
      'Partager les richesses est le thème du colloque qui réunit économistes et syndicalistes cette semaine à Lyon.',
      'Lire aussi les rapports publiés cette année par la Cour des comptes permet de comprendre pourquoi la dette a augmenté aussi vite depuis dix ans, selon plusieurs économistes interrogés qui plaident pour une réforme fiscale de grande ampleur dans les meilleurs délais possibles, avant les prochaines élections législatives prévues au printemps prochain.',
      '« Nous sommes prêts », a-t-il dit.',
    ];
    expect(cleanChrome(content.join('\n\n'))).toBe(content.join('\n\n'));
  });

  it('joins hard-wrapped lines of one paragraph and normalises spaces', () => {
    expect(cleanChrome('Le ministre a présenté\u00a0son plan devant\nles députés réunis.\nUn autre paragraphe.')).toBe(
      'Le ministre a présenté son plan devant les députés réunis.\n\nUn autre paragraphe.',
    );
  });
});
