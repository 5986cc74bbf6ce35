import { describe, expect, it } from 'vitest';
import { extractSpeakers } from '../../src/ingest/index.js';
import { conjugate } from '../../src/ingest/people/conjugate.js';
import { findSpeechVerbs } from '../../src/ingest/people/find-speech-verbs.js';

/**
 * Attribution patterns of French news, each on a sentence or two of real
 * copy (realnews-dev, 2018-2019) and on invented names no list knows.
 */

const speakers = (text: string) => extractSpeakers(text, []);

describe('speakers: attribution before, after and inverted', () => {
  it('reads the subject after a quote, with a title, an outlet or a complement in between', () => {
    expect(speakers("Sergueï Lavrov est arrivé mardi. « Nous n'avons rien à cacher », a répliqué M. Lavrov.")).toEqual(['Sergueï Lavrov']);
    expect(speakers('« Nous partirons », a lancé Théodora Vassilakis.')).toEqual(['Théodora Vassilakis']);
    // real: la-presse
    expect(speakers('« Ce sera un traquenard », a déclaré sur BFMTV Benjamin Cauchy.')).toEqual(['Benjamin Cauchy']);
    expect(speakers('« Le château restera ouvert », rappelle à l’AFP Ottokar Weinzierl.')).toEqual(['Ottokar Weinzierl']);
    // real: le-devoir
    expect(speakers('« On se dit qu’on assiste à une énième scène de violence policière », témoigne auprès de l’AFP Jérémie Ferrer-Bartomeu, manifestant présent ce 1er mai.')).toEqual([
      'Jérémie Ferrer-Bartomeu',
    ]);
  });

  it('gives "a-t-il/elle ajouté" to the person it refers to, and "a-t-on appris" to no one', () => {
    expect(speakers('Ingrid Kjærsgaard a salué la décision. « Nous continuerons », a-t-elle ajouté.')).toEqual(['Ingrid Kjærsgaard']);
    expect(speakers('Le convoi est reparti, a-t-on appris de source policière.')).toEqual([]);
    expect(speakers('Selon une source policière, trois personnes ont été interpellées.')).toEqual([]);
  });

  it('reads roles in apposition before or after the name', () => {
    expect(speakers('Le ministre indien des Affaires étrangères, Subrahmanyam Jaishankar, a reconnu que les échanges avaient ralenti.')).toEqual([
      'Subrahmanyam Jaishankar',
    ]);
    expect(speakers('« Nous ne céderons pas », a affirmé l’autre vice-Premier ministre, Matteo Salvini.')).toEqual(['Matteo Salvini']);
    expect(speakers('L’un d’eux, Maxime Nicolle, a assuré que le mouvement continuerait.')).toEqual(['Maxime Nicolle']);
    // real: tribune-de-geneve
    expect(
      speakers("Contacté par l'AFP, André Plaisance, le maire de la commune Les Belleville, sur laquelle est située la station de ski, a indiqué qu'aucun blessé n'était à déplorer."),
    ).toEqual(['André Plaisance']);
    // real: journal-de-quebec
    expect(speakers("Il «ne peut être exclu» qu’il soit passé en Allemagne, a indiqué le secrétaire d’État français à l’Intérieur, Laurent Nuñez, ajoutant qu’un «bouclage» a été assuré.")).toEqual([
      'Laurent Nuñez',
    ]);
    expect(speakers('A Lyon, Zéphyrine Oudart-Malo, 40 ans, «mère isolée de deux enfants», a expliqué au mégaphone être au chômage.')).toEqual(['Zéphyrine Oudart-Malo']);
  });

  it('gives a role alone to a person only when the article names them', () => {
    const named = 'Gaspard Ducheyron, le maire de Bordeaux, a visité le chantier. « Les travaux finiront en mai », a déclaré le maire de Bordeaux.';
    expect(speakers(named)).toEqual(['Gaspard Ducheyron']);
    expect(speakers('« Les travaux finiront en mai », a déclaré le maire de Bordeaux.')).toEqual([]);
    expect(speakers('« Nous y serons », a affirmé la présidente du Rassemblement national.')).toEqual([]);
  });

  it('reads "selon X", "d\'après X", "X estime que", "Pour X,", ", pour qui" and passives', () => {
    expect(speakers('Selon Ilse Vandermeulen, économiste, la croissance ralentira.')).toEqual(['Ilse Vandermeulen']);
    expect(speakers('D’après Kofi Mensah-Bonsu, le port rouvrira lundi.')).toEqual(['Kofi Mensah-Bonsu']);
    expect(speakers('Radoslav Kmetko estime que la réforme est mal préparée.')).toEqual(['Radoslav Kmetko']);
    expect(speakers('Pour Paul Fizin, docteur en histoire, « si le taux d’abstention est fort, il mettra en évidence le projet ».')).toEqual(['Paul Fizin']);
    expect(speakers('Elle a reçu le soutien de Jean-Marie Le Pen, pour qui l’ancienne ministre a « énoncé une évidence ».')).toEqual(['Jean-Marie Le Pen']);
    expect(speakers('Cet « incident terrible » a été vivement dénoncé par Angela Merkel, qui a promis de réagir.')).toEqual(['Angela Merkel']);
    expect(speakers('Cependant, pour le président colombien Ivan Duque, Juan Guaido est le seul chef de l’État.')).toEqual(['Ivan Duque']);
    expect(speakers('Il a voté pour Ivan Duque, qui a gagné.')).toEqual([]);
    // real: le-devoir
    expect(speakers('« Cela passe par des cours en anglais », déclarait récemment sur France Culture Sylvie Chevrier, responsable des échanges.')).toEqual([
      'Sylvie Chevrier',
    ]);
  });

  it('tells two coordinated subjects from one person with two roles, and skips adverbs after the verb', () => {
    expect(speakers('Priscillia Ludosky et Maxime Nicolle ont déclaré que la mobilisation continuerait.')).toEqual(['Priscillia Ludosky', 'Maxime Nicolle']);
    // real: tribune-de-geneve
    expect(speakers("L'humoriste et animateur TV Patrick Sébastien a dénoncé pour sa part sur CNews une «fracture».")).toEqual(['Patrick Sébastien']);
    expect(speakers('«J’en parle aux copains», a tweeté de son côté l’acteur et humoriste Franck Dubosc, mardi.')).toEqual(['Franck Dubosc']);
  });

  it('gives the second of two coordinated verbs to the subject of the first', () => {
    const text = 'Wendelin Okafor a déclaré que tout allait bien. M. Kouleba, arrivé de Kiev, a remercié ses hôtes et a souligné que rien ne changeait.';
    const withFullName = 'Dmytro Kouleba est à Paris. ' + text;
    expect(speakers(withFullName)).toEqual(['Dmytro Kouleba', 'Wendelin Okafor']);
  });
});

describe('speakers: verbs of saying, all tenses', () => {
  it('generates the forms of a lemma', () => {
    expect(conjugate('répliquer').finite).toEqual(expect.arrayContaining(['réplique', 'répliquent', 'répliquait', 'répliquaient', 'répliqua']));
    expect(conjugate('lancer').finite).toEqual(expect.arrayContaining(['lance', 'lançait', 'lança']));
    expect(conjugate('répéter').finite).toEqual(expect.arrayContaining(['répète', 'répétait']));
    expect(conjugate('rappeler').finite).toEqual(expect.arrayContaining(['rappelle', 'rappelait']));
    expect(conjugate('marteler').finite).toContain('martèle');
    expect(conjugate('juger').finite).toContain('jugeait');
    expect(conjugate('inquiéter').finite).toContain('inquiète');
    expect(conjugate('tweeter').finite).toContain('tweete');
    expect(conjugate('déclarer').participles).toEqual(['déclaré', 'déclarée', 'déclarés', 'déclarées']);
  });

  const forms = [
    'a répliqué', 'répliquait', 'réplique', "s'est réjoui", 's’est réjouie', 'se félicite', 'a insisté', 'a martelé', 'a reconnu', 'a averti',
    'a dénoncé', 'a regretté', 'a confié', 'a lancé', 'a précisé', 'a d’ailleurs réitéré', 'a fait savoir', 'avait elle estimé',
  ];
  for (const form of forms) {
    it(`reads "${form}"`, () => {
      expect(speakers(`Philomène Dravigny ${form} que le vote aurait lieu.`)).toEqual(['Philomène Dravigny']);
    });
  }

  it('finds the verb groups in one pass, with the pronoun written in the verb', () => {
    const verbs = findSpeechVerbs('« Oui », a-t-il ajouté. « Non », ajoute-t-elle. Comme l’a indiqué X. Il n’a pas dit cela.');
    expect(verbs.map((v) => v.pronoun)).toEqual(['il', 'elle', null, null]);
  });

  it('reads some verbs only as reflexives, and "prendre la parole"', () => {
    expect(speakers('Casimir Lodève inquiète les marchés depuis lundi.')).toEqual([]);
    expect(speakers('Casimir Lodève s’inquiète de la hausse des taux.')).toEqual(['Casimir Lodève']);
    expect(speakers('Ancien président du comité, Didier Sicard a lui aussi pris la parole.')).toEqual(['Didier Sicard']);
  });

  it('needs a quote, a colon or "que" after a present tense before its subject ("note", "lance" are also nouns)', () => {
    expect(speakers('Tancrède Villemure lance une nouvelle entreprise à Lyon.')).toEqual([]);
    expect(speakers('Tancrède Villemure lance : « Nous y arriverons ».')).toEqual(['Tancrède Villemure']);
  });
});

describe('speakers: never a place, an organisation, a first name alone or a common word', () => {
  it('rejects organisations and places that open or close a clause', () => {
    // real: la-presse
    expect(speakers('Des manifestants « ont saccagé et mis le feu aux installations », selon Vinci Autoroutes, qui a annoncé porter plainte.')).toEqual([]);
    expect(speakers('« Les ventes progressent », a estimé le cabinet App Annie.')).toEqual([]);
    expect(speakers('Le Rassemblement a déclaré son soutien. Le Centre a estimé que non. Sud Ouest a indiqué que la route était coupée.')).toEqual([]);
    expect(speakers('« Nous resterons », a déclaré Bérénice.')).toEqual([]);
  });

  it('strips a dateline place or an opening word before a first name, and "de <place>" after the name', () => {
    expect(speakers('Marseille Xavier Tarabeux a déclaré que les policiers étaient épuisés.')).toEqual(['Xavier Tarabeux']);
    expect(speakers('Monica Piazza de Valence, 22 ans, affirme : « Nous ne sommes pas contre les taxes ».')).toEqual(['Monica Piazza']);
  });

  it('cuts rubrics and places glued before a name, and a role glued after it', () => {
    expect(speakers('Paris François Molins a déclaré que l’enquête avançait.')).toEqual(['François Molins']);
    expect(speakers('News Mathilde Brunnsvik a déclaré que le site fermait.')).toEqual(['Mathilde Brunnsvik']);
    // real: le-matin (an intertitle run into the text)
    expect(speakers("«Imprévisible» selon Edouard Philippe Le Premier ministre Edouard Philippe, qui s'est rendu sur place, a estimé que l'épisode était exceptionnel.")).toEqual([
      'Edouard Philippe',
    ]);
  });

  it('reads names with an inner capital, object pronouns before the verb and parentheses in an apposition', () => {
    expect(speakers('M. McConnell a souligné que le choix était exceptionnel.')).toEqual(['McConnell']);
    // real: le-devoir
    expect(speakers('« Il faudra des frais différenciés », nous a confirmé la porte-parole du ministère de l’Enseignement supérieur, Marie Francolin.')).toEqual([
      'Marie Francolin',
    ]);
    // real: journal-de-quebec
    expect(speakers('À l’ouverture de la séance, le président de l’Assemblée, Richard Ferrand (LREM, parti présidentiel), a dit le «soutien» de la représentation nationale.')).toEqual([
      'Richard Ferrand',
    ]);
  });

  it('keeps surnames after a capitalised particle and first names that are also places', () => {
    expect(speakers('Le ministre Bruno Le Maire a déclaré que la croissance tenait. « Ça suffit », a poursuivi M. Le Maire.')).toEqual(['Bruno Le Maire']);
    expect(speakers("L'ex-président François Hollande a appelé « à la mesure ».")).toEqual(['François Hollande']);
    expect(speakers('Luigi Di Maio est arrivé. « Nous avançons », a déclaré Di Maio.')).toEqual(['Luigi Di Maio']);
  });

  it('does not take the complement of a noun for the subject', () => {
    expect(speakers('Le porte-parole du président Anselme Quiroga a déclaré que rien ne changeait.')).toEqual([]);
    expect(speakers("Les mots ont été pesés, a expliqué l'entourage de Pedro Sánchez.")).toEqual([]);
  });
});
