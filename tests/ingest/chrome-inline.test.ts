import { describe, expect, it } from 'vitest';
import { cleanChrome, cleanDocument } from '../../src/ingest/index.js';

/**
 * Chrome inside paragraphs, as scraped pages that lost their markup carry
 * it. Fixtures quote a sentence or two of the real-news dev corpus (marked
 * "real") or are invented with names and publishers never seen.
 */

describe('embedded posts', () => {
  it('removes a tweet, its signature and the copy printed after it (real)', () => {
    const text =
      "Le premier ministre a annoncé de nouvelles mesures. Il y aura près de 80 000 forces de l’ordre, 5 000 à Paris, samedi prochain. #Le20H— Edouard Philippe (@EPhilippePM) January 7, 2019  Il y aura près de 80 000 forces de l’ordre, 5 000 à Paris, samedi prochain. #Le20H Le gouvernement souhaite durcir la loi.";
    const cleaned = cleanChrome(text);
    expect(cleaned).not.toMatch(/@EPhilippePM|#Le20H|January/);
    expect(cleaned.match(/80 000/g)).toBeNull();
    expect(cleaned).toContain('Le premier ministre a annoncé de nouvelles mesures.');
    expect(cleaned).toContain('Le gouvernement souhaite durcir la loi.');
  });

  it('removes a tweet ending with its picture link and no signature, and the link glued to the next sentence (real)', () => {
    const text =
      "Les chutes de neige devaient se décaler vers l'est.  Apparemment y'a une alerte à cause de la neige en France demain ? Ici au Québec tout va bien 😅 #UQAC pic.twitter.com/6VqQbngcaR  La France se prépare à sa journée de #neige pic.twitter.com/bEWEv09rd6N’empêche, pour les Français, la tempête a entraîné beaucoup de problèmes.";
    const cleaned = cleanChrome(text);
    expect(cleaned).not.toMatch(/pic\.twitter|#UQAC|Apparemment/);
    expect(cleaned).toContain("Les chutes de neige devaient se décaler vers l'est.");
    expect(cleaned).toContain('N’empêche, pour les Français, la tempête a entraîné beaucoup de problèmes.');
  });

  it('removes an invented post in French with a French date and a handle never seen', () => {
    const cleaned = cleanChrome(
      'La préfète a réagi dans la soirée. Merci aux secours mobilisés cette nuit à #Vizille https://t.co/AbCdEfGhIj— Préfecture de l’Isère-Sud (@prefsud38) 3 avril 2024 La circulation reste coupée.',
    );
    expect(cleaned).toBe('La préfète a réagi dans la soirée.\n\nLa circulation reste coupée.');
  });

  it('removes an Instagram embed and its label (real)', () => {
    const cleaned = cleanChrome(
      'Les deux animateurs ne sont pas loin. Voir cette publication sur Instagram Message de @hugoclementk Une publication partagée par Alexandra Rosenfeld (@alexandrarosenfeld) le 1 Déc. 2018 à 4 :12 PST «J’ai garé le scooter», raconte-t-il.',
    );
    expect(cleaned).not.toMatch(/Instagram|publication partagée|@/);
    expect(cleaned).toContain('«J’ai garé le scooter», raconte-t-il.');
  });

  it('removes two posts printed one after the other and their copies further on (real)', () => {
    const text =
      'a ajouté le syndicat. Devant chez moi : des gilets jaunes crient puis le poursuivent dans la rue. pic.twitter.com/4qP0Zdjf06— JD (@JulienDollon) 24 novembre 2018 « Tout notre soutien aux journalistes qui ont été agressés hier.Nous faisons la différence entre les manifestants et les agresseurs »La Direction de #CNEWS— CNEWS Les OFF (@CNEWSLesOFF) 25 novembre 2018  Devant chez moi : des gilets jaunes crient puis le poursuivent dans la rue. pic.twitter.com/4qP0Zdjf06 « Tout notre soutien aux journalistes qui ont été agressés hier.Nous faisons la différence entre les manifestants et les agresseurs »La Direction de #CNEWS Franceinfo a recueilli un témoignage.';
    const cleaned = cleanChrome(text);
    expect(cleaned).not.toMatch(/soutien|Devant chez moi|CNEWS|pic\.twitter/);
    expect(cleaned).toContain('a ajouté le syndicat.');
    expect(cleaned).toContain('Franceinfo a recueilli un témoignage.');
  });

  it('keeps a text that is nothing but a post, without its link (real)', () => {
    expect(cleanChrome('Je serai fidèle à cet engagement pris : je protégerai la République. pic.twitter.com/gYIJRJxmEm')).toBe(
      'Je serai fidèle à cet engagement pris : je protégerai la République.',
    );
  });

  it('keeps a handle quoted in a sentence', () => {
    expect(cleanChrome('Le compte officiel (@Elysee) a publié un message.')).toBe('Le compte officiel (@Elysee) a publié un message.');
  });

  it('records the dates of the posts for dating the article', () => {
    const doc = cleanDocument('Texte. Un message #A pic.twitter.com/abcdefghij— Une Ville (@ville) December 3, 2018 Un message #A pic.twitter.com/abcdefghij Suite.');
    expect(doc.postDates).toEqual(['2018-12-03']);
  });
});

describe('related-article labels', () => {
  it.each([
    // real
    ['Les blocages continuent. LIRE AUSSI: Macron et la difficile équation des «gilets jaunes» Environ 27.000 manifestants se sont rassemblés.', 'Environ 27.000 manifestants se sont rassemblés.'],
    ['Le maire était présent. À LIRE AUSSI: Legault veut doubler les échanges commerciaux avec la France En voulant rappeler les liens, il a parlé.', 'En voulant rappeler les liens, il a parlé.'],
    ['À LIRE AUSSI 135 blessés et près de 1000 arrestations à ParisDevant le parc Monceau, la foule attendait.', 'Devant le parc Monceau, la foule attendait.'],
    ["a tweeté Mike Pompeo.LIRE AUSSI : Venezuela: le Canada réclame l'accès à l'aide humanitaireUne ONG locale a accusé les militaires.", 'Une ONG locale a accusé les militaires.'],
    ["Le député s'est défendu.   Lire aussi l'éditorial: Mélenchon, un insoumis à la dérive  Le président du groupe écrit plus tard.", 'Le président du groupe écrit plus tard.'],
    // invented
    ['Le chantier reprend lundi. À voir aussi : Le pont de Brévannes fermé six mois  Les riverains sont soulagés.', 'Les riverains sont soulagés.'],
    ['Le parc rouvre. Consultez notre dossier : Les forêts de Sologne en danger\nLa saison commence.', 'La saison commence.'],
    ['La chanteuse a remercié son public. Regarder sur Facebook Live Elle repart en tournée en mai.', 'Elle repart en tournée en mai.'],
  ])('%s', (text, kept) => {
    const cleaned = cleanChrome(text);
    expect(cleaned).not.toMatch(/lire aussi|voir aussi|consultez notre dossier|regarder sur/i);
    expect(cleaned).toContain(kept);
  });

  it('keeps "lire aussi" used in a sentence', () => {
    const text = 'Il faut lire aussi les rapports de la Cour des comptes, qui expliquent la hausse de la dette.';
    expect(cleanChrome(text)).toBe(text);
  });
});

describe('photo credits, captions, scripts and subscription prompts', () => {
  it('removes a credit line and its one-line caption (real layout)', () => {
    const text = 'Les heurts ont éclaté sur les quais.\n\n\nPhoto:  Jacques Demarthon Agence France-Presse\nLe Parlement français\n\n\nParis — Le Parlement a adopté la loi.';
    expect(cleanChrome(text)).toBe('Les heurts ont éclaté sur les quais.\n\nParis — Le Parlement a adopté la loi.');
  });

  it.each([
    ['Crédits photo : Léa Van Tassel / Keystone Le cortège a défilé dans le calme.', 'Le cortège a défilé dans le calme.'],
    ['Le cortège a défilé. (Photo Agence Durand) Les syndicats sont satisfaits.', 'Les syndicats sont satisfaits.'],
    ['Le cortège a défilé dans le calme © AFP / Jean Martin', 'Le cortège a défilé dans le calme'],
  ])('removes an inline credit: %s', (text, kept) => {
    const cleaned = cleanChrome(text);
    expect(cleaned).toContain(kept);
    expect(cleaned).not.toMatch(/Crédits|Photo|©|Keystone|Martin|Durand/);
  });

  it('keeps the word "photo" in a sentence', () => {
    expect(cleanChrome('Sur la photo : un enfant sourit.')).toBe('Sur la photo : un enfant sourit.');
  });

  it('removes advertising and tracking scripts', () => {
    const cleaned = cleanChrome(
      "Le marché a ouvert en hausse. googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); }); Les valeurs bancaires progressent. (adsbygoogle = window.adsbygoogle || []).push({});",
    );
    expect(cleaned).not.toMatch(/googletag|adsbygoogle|push/);
    expect(cleaned).toContain('Le marché a ouvert en hausse.');
    expect(cleaned).toContain('Les valeurs bancaires progressent.');
  });

  it('removes a video player script and its caption (real)', () => {
    const cleaned = cleanChrome(
      "sont invoqués par la présidence.  Vidéo - L’affrontement des gilets jaunes à Paris décortiqué $('#liveTickerVideoId375399').mouseover(function() { $('#liveTickerLoupeId375399').css( 'display', 'block' ); }); Emmanuel Macron essuie sa plus grave crise.",
    );
    expect(cleaned).toBe('sont invoqués par la présidence.\n\nEmmanuel Macron essuie sa plus grave crise.');
  });

  it('removes "follow us" prompts (real)', () => {
    expect(cleanChrome("Le duo est fier.  Pour faire le plein d'inspiration mode, suivez billie jean sur Instagram et Facebook!")).toBe('Le duo est fier.');
  });

  it('removes newsletter and subscription prompts, sentence by sentence (real)', () => {
    const cleaned = cleanChrome(
      'La colère est venue tard.Recevez chaque fin de semaine nos meilleurs textes d’opinion par courriel. Inscrivez-vous, c’est gratuit!En vous inscrivant, vous acceptez de recevoir les communications du Devoir par courriel.',
    );
    expect(cleaned).toBe('La colère est venue tard.');
  });

  it('removes publication furniture and keeps its date (real)', () => {
    const doc = cleanDocument("Mardi, l'Institut avait abaissé sa prévision. (ats/nxp) Créé: 21.12.2018, 09h59");
    expect(doc.paragraphs.join(' ')).not.toContain('Créé');
    expect(doc.furnitureDates).toEqual(['21.12.2018']);
    expect(cleanChrome('Le rapport publié le 3 mars 2019 fait date.')).toBe('Le rapport publié le 3 mars 2019 fait date.');
  });
});

describe('lost sentence and paragraph breaks', () => {
  it.each([
    // real
    ["selon le ministère de l'Intérieur.La mobilisation a faibli.", "selon le ministère de l'Intérieur. La mobilisation a faibli."],
    ['des seniors, des jeunes, etc.Ce n’est pas un mouvement de gens pauvres.', 'des seniors, des jeunes, etc. Ce n’est pas un mouvement de gens pauvres.'],
    ['On vous dérange ? Habituez-vous.', 'On vous dérange ? Habituez-vous.'],
  ])('splits glued sentences: %s', (text, expected) => {
    expect(cleanChrome(text)).toBe(expected);
  });

  it.each([
    'M.Dupont et J.R.R. Tolkien sont cités.',
    'Le taux est de 1.5% et la page www.exemple.Org répond.',
    'Écrire à contact@Exemple.fr ou voir lapresse.ca/Monde pour le reste.',
    'Le groupe McDonald et la marque YouTube sont visés.',
  ])('leaves abbreviations, initials, decimals, urls and brand names alone: %s', (text) => {
    expect(cleanChrome(text)).toBe(text);
  });

  it('splits an intertitle glued by a closing quotation mark (real)', () => {
    expect(cleanChrome('Il y a eu 49 interpellations. «Changer le système»Des heurts ont eu lieu à Angers.')).toBe(
      'Il y a eu 49 interpellations.\n\n«Changer le système»\n\nDes heurts ont eu lieu à Angers.',
    );
  });

  it('splits an intertitle run into its paragraph after a lost break (real)', () => {
    expect(cleanChrome("précise l'Insee.  L'emploi s'en sort mieux Le climat de l'emploi reste quasi stable à 104, au-dessus de sa moyenne.")).toBe(
      "précise l'Insee.\n\nL'emploi s'en sort mieux\n\nLe climat de l'emploi reste quasi stable à 104, au-dessus de sa moyenne.",
    );
  });

  it('does not take names, titles and function words for the end of an intertitle', () => {
    for (const text of [
      'La pression monte sur M. Macron après un deuxième week-end de manifestations parfois violentes.',
      'Journaliste à Elle et chroniqueuse littéraire, elle publie un essai sur son frère.',
      "Après avoir cosigné il y a deux ans «Les Chemins de Damas», les auteurs publient un livre.",
      'Marine Le Pen a dénoncé la hausse des taxes devant ses partisans réunis à Fréjus.',
      'La vie est meilleure qu’en  Roumanie là-bas, même quand on devient illégal.',
    ]) {
      expect(cleanChrome(text).includes('\n'), text).toBe(false);
    }
  });
});
