import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/ingest/index.js';

/** The direct quotations of a text as [first words, speaker]. */
function direct(text: string): [string, string | null][] {
  return extractQuotes(text)
    .filter((q) => q.kind === 'direct')
    .map((q) => [q.text.split(' ').slice(0, 3).join(' '), q.speaker]);
}

describe('attribution forms, invented text', () => {
  it('an incise inside the marks: « …, a déclaré X, … »', () => {
    expect(direct('« Le chantier est prêt, a déclaré Aurélien Vasseur, mais la signature manque encore. »')).toEqual([['Le chantier est', 'Aurélien Vasseur']]);
  });

  it('an incise after ! or ?', () => {
    expect(direct('« On ne sait rien ! s’est écriée Ludmila Kovrigina. Personne ne nous a prévenus. »')).toEqual([['On ne sait', 'Ludmila Kovrigina']]);
  });

  it('selon X after the quote, and selon lui', () => {
    const text = 'Bartholomé Quennec a visité le port. « Les quais seront refaits avant l’été », selon lui. « Le budget est bouclé depuis mars », selon Ludmila Kovrigina.';
    expect(direct(text)).toEqual([
      ['Les quais seront', 'Bartholomé Quennec'],
      ['Le budget est', 'Ludmila Kovrigina'],
    ]);
  });

  it('Pour X, « … »', () => {
    expect(direct('Pour Aurélien Vasseur, « cette réforme ne passera jamais au Sénat ».')).toEqual([['cette réforme ne', 'Aurélien Vasseur']]);
  });

  it('X estime que « … »', () => {
    expect(direct('Ludmila Kovrigina estime que « la ligne de tram arrivera trop tard ».')).toEqual([['la ligne de', 'Ludmila Kovrigina']]);
  });

  it('a colon after a named speaker: X : « … », and Et X de poursuivre : « … »', () => {
    expect(direct('Le maire a ouvert la séance. Bartholomé Quennec : « Nous ne fermerons aucune école cette année. »')).toEqual([['Nous ne fermerons', 'Bartholomé Quennec']]);
    expect(direct('Et Ludmila Kovrigina de poursuivre : « Le dossier reviendra devant le conseil en juin. »')).toEqual([['Le dossier reviendra', 'Ludmila Kovrigina']]);
  });

  it('any verb inverted right after a quote and a comma attributes it', () => {
    expect(direct('« Il faudra bien plus que des promesses », sourit Bartholomé Quennec.')).toEqual([['Il faudra bien', 'Bartholomé Quennec']]);
    expect(direct('« Nous n’avons reçu aucune lettre », nous répond Ludmila Kovrigina, directrice du centre.')).toEqual([['Nous n’avons reçu', 'Ludmila Kovrigina']]);
  });

  it('a complement between the verb and the name', () => {
    expect(direct('« Rien n’est encore décidé », a relayé devant les élus Aurélien Vasseur.')).toEqual([['Rien n’est encore', 'Aurélien Vasseur']]);
  });

  it('a pronoun is the speaker of the attribution before', () => {
    const text = '« Le pont rouvrira lundi », a annoncé Ludmila Kovrigina. « Les travaux ont pris du retard », a-t-elle ajouté.';
    expect(direct(text).map((q) => q[1])).toEqual(['Ludmila Kovrigina', 'Ludmila Kovrigina']);
  });

  it('a pronoun subject looks back, never to a speaker named later', () => {
    const text =
      '« Les deux hommes étaient armés », a révélé Ludmila Kovrigina. Elle a précisé qu’une « vidéo saisie en avril » montrait « une table couverte d’armes ». « Rien ne le laissait prévoir », a ensuite déclaré Aurélien Vasseur.';
    expect(direct(text).map((q) => q[1])).toEqual(['Ludmila Kovrigina', 'Ludmila Kovrigina', 'Ludmila Kovrigina', 'Aurélien Vasseur']);
  });

  it('"elle" is not the man who spoke last', () => {
    const text = '« Le dossier est complet », a assuré Mme Kovrigina. « Il manque une pièce », a répondu M. Vasseur. « Je l’ai envoyée en mai », précise-t-elle.';
    expect(direct(text).map((q) => q[1])).toEqual(['Kovrigina', 'Vasseur', 'Kovrigina']);
  });

  it('a role is the last person the text gave that role, of the gender it says', () => {
    const text =
      'Le procureur de Nantes, Aurélien Vasseur, a ouvert une enquête. La procureure adjointe, Ludmila Kovrigina, était présente. « Les faits sont graves », a précisé le procureur. « Deux témoins ont été entendus », a ajouté la procureure.';
    expect(direct(text)).toEqual([
      ['Les faits sont', 'Aurélien Vasseur'],
      ['Deux témoins ont', 'Ludmila Kovrigina'],
    ]);
  });

  it('the minister went on: the last person called minister', () => {
    const text = 'La ministre de la Culture, Ludmila Kovrigina, était à Lyon. La ministre a poursuivi : « Nous ouvrirons trois musées en région. »';
    expect(direct(text)).toEqual([['Nous ouvrirons trois', 'Ludmila Kovrigina']]);
    // the feminine form finds the masculine one: "la chercheuse" is the person called "chercheur"… only when no one else was
    const other = 'Aurélien Vasseur, chercheur au CNRS, a publié une étude. « Les glaciers reculent vite », affirme la chercheuse.';
    expect(direct(other)).toEqual([['Les glaciers reculent', null]]);
  });

  it('a quotation continued in the next sentence, with no attribution of its own', () => {
    const text = '« Le tracé est définitif », a tranché Aurélien Vasseur. « Les riverains seront indemnisés dès cet automne. »';
    expect(direct(text).map((q) => q[1])).toEqual(['Aurélien Vasseur', 'Aurélien Vasseur']);
  });

  it('a sentence opening with "Qui" goes on about the speaker before', () => {
    const text = '« Le port va mal », estime Bartholomé Quennec. Qui voit dans la réforme « une chance pour toute la région ».';
    expect(direct(text).map((q) => q[1])).toEqual(['Bartholomé Quennec', 'Bartholomé Quennec']);
  });

  it('a partial quote worked into the sentence of its speaker', () => {
    expect(direct('Aurélien Vasseur en a appelé à « la responsabilité des élus » pour voter le budget.')).toEqual([['la responsabilité des', 'Aurélien Vasseur']]);
    expect(direct('Après les annonces du préfet, Ludmila Kovrigina, l’une des élues de la «liste citoyenne», a ainsi appelé à «une trêve».')).toContainEqual(['une trêve', 'Ludmila Kovrigina']);
  });
});

describe('indirect speech, invented text', () => {
  const indirect = (text: string) => extractQuotes(text).filter((q) => q.kind === 'indirect').map((q) => [q.text.split(' ').slice(0, 4).join(' '), q.speaker]);

  it('a speech verb inverted at the end of the sentence, its subject holding a comma', () => {
    expect(indirect('Le pont restera fermé jusqu’en mars, a indiqué mardi le maire de Brest, Aurélien Vasseur.')).toEqual([['Le pont restera fermé', 'Aurélien Vasseur']]);
  });

  it('a present participle of a speech verb and que', () => {
    // the speaker is that of the verb of saying before it in the sentence
    expect(indirect('« Tout est prêt », a expliqué Ludmila Kovrigina, soulignant que les délais seraient tenus.')).toEqual([['les délais seraient tenus', 'Ludmila Kovrigina']]);
    expect(indirect('Ludmila Kovrigina a visité le chantier, soulignant que les délais seraient tenus.')).toEqual([]);
  });
});

describe('no speaker when the text names no one', () => {
  it('a role never given to a named person', () => {
    expect(direct('« La décision sera connue lundi », a expliqué la porte-parole de la mairie.')).toEqual([['La décision sera', null]]);
  });

  it('an unnamed person, a group, "on"', () => {
    expect(direct('« Nous resterons jusqu’au bout », explique un manifestant.')).toEqual([['Nous resterons jusqu’au', null]]);
    expect(direct('Aurélien Vasseur a salué les syndicats. « Le dialogue doit reprendre très vite », écrivent-ils.')).toEqual([['Le dialogue doit', null]]);
  });

  it('a first name given alone, and the pronoun after it', () => {
    const text = 'Aurélien Vasseur a parlé le premier. « Je touche 700 euros par mois », a témoigné Josiane, 66 ans, retraitée. « On ne peut plus vivre comme ça », a-t-elle ajouté.';
    expect(direct(text).map((q) => q[1])).toEqual([null, null]);
  });

  it('a quote nested in a quote is not its speaker’s words', () => {
    const quotes = extractQuotes('« Le chef nous disait : “Vous partirez quand j’aurai fini”, et personne ne bougeait », a raconté Ludmila Kovrigina.');
    expect(quotes.map((q) => q.speaker)).toEqual(['Ludmila Kovrigina', null]);
  });
});

describe('what is not a quotation', () => {
  it('single quoted words, glosses, intertitles, words quoted again and again', () => {
    expect(direct('Les « héros » du quotidien ont été reçus, a dit Aurélien Vasseur.')).toEqual([]);
    expect(direct('Il était fiché « S » (pour « sûreté de l’État ») depuis 2014.')).toEqual([]);
    expect(direct('Le port a rouvert. « Au-delà de la colère »\n\nLes habitants sont revenus.')).toEqual([]);
    expect(direct('Les « bonnets verts » ont défilé. Plus tard, Ludmila Kovrigina a reçu les « bonnets verts » en mairie.')).toEqual([]);
  });
});

describe('attribution in real text (short excerpts of the dev corpus)', () => {
  it('Le Matin: "le procureur" is the prosecutor named two sentences before', () => {
    const text =
      "Un automobiliste est mort, a indiqué à l'AFP le procureur de Perpignan, Jean-Jacques Fagni. D'après les pompiers, la victime est un homme de 36 ans. « Il était en tenue de travail », a précisé le procureur sans donner plus de détails sur son identité.";
    expect(direct(text)).toEqual([['Il était en', 'Jean-Jacques Fagni']]);
  });

  it('Journal de Montréal: a first name alone, then "ce « gilet jaune »", stay unattributed', () => {
    const text =
      '« J’ai 700 euros de retraite... On veut vivre, les gens veulent vivre de leur travail », a témoigné Joël, 66 ans, un retraité du bâtiment. « Macron, il a donné un coup de pied dans la fourmilière », a ajouté ce « gilet jaune » interrogé par l’AFP.';
    expect(direct(text).map((q) => q[1])).toEqual([null, null]);
  });

  it('Journal de Québec: a subject with a quote in its apposition', () => {
    const text = 'Après les annonces de M. Macron, Jacline Mouraud, l’une des porte-parole des «gilets jaunes libres», a ainsi appelé à «une trêve», en saluant «des avancées».';
    expect(direct(text)).toContainEqual(['une trêve', 'Jacline Mouraud']);
    expect(direct(text)).toContainEqual(['des avancées', 'Jacline Mouraud']);
    expect(direct(text)).not.toContainEqual(['une trêve', 'Emmanuel Macron']);
  });

  it('Journal de Québec: the name after a role holding a quote', () => {
    const text = '« Si le gouvernement fait ça, c’est vraiment qu’il n’a rien compris », a déclaré à l’AFP un porte-parole des « gilets jaunes » de Saône-et-Loire (centre-est), Pierre-Gaël Laveder.';
    expect(direct(text)[0]).toEqual(['Si le gouvernement', 'Pierre-Gaël Laveder']);
  });

  it('Tribune de Genève: « … », pense X', () => {
    const text = 'Le parti Les Républicains en question « Les Républicains, c’est l’ex-UMP. Celle-ci, fondée en 2002 autour de Chirac, regroupe plusieurs familles », pense Christian Delporte.';
    expect(direct(text)).toEqual([['Les Républicains, c’est', 'Christian Delporte']]);
  });
});
