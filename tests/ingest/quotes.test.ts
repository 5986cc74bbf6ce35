import { describe, expect, it } from 'vitest';
import { extractQuotes, type Quote } from '../../src/ingest/index.js';

/** The quotations of a text as [kind, text start, speaker], for short assertions. */
function read(text: string): [Quote['kind'], string, string | null][] {
  return extractQuotes(text).map((q) => [q.kind, q.text.split(' ').slice(0, 4).join(' '), q.speaker]);
}

describe('direct quotations, invented text', () => {
  it('« … », then the attribution after it', () => {
    const text = "« Nous ne céderons pas sur les retraites », a déclaré mardi Aurélien Vasseur.";
    const [quote] = extractQuotes(text);
    expect(quote).toMatchObject({ kind: 'direct', text: 'Nous ne céderons pas sur les retraites', speaker: 'Aurélien Vasseur' });
    expect(text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('the attribution before it, with a colon', () => {
    expect(read('Ludmila Kovrigina a prévenu : « La frontière restera fermée tout l’hiver. »')).toEqual([['direct', 'La frontière restera fermée', 'Ludmila Kovrigina']]);
  });

  it('curly and straight quotation marks', () => {
    expect(read('“Le port rouvrira lundi prochain”, a annoncé Bartholomé Quennec.')).toEqual([['direct', 'Le port rouvrira lundi', 'Bartholomé Quennec']]);
    expect(read('"Le port rouvrira lundi prochain", a annoncé Bartholomé Quennec.')).toEqual([['direct', 'Le port rouvrira lundi', 'Bartholomé Quennec']]);
  });

  it('a pronoun attribution is the previous speaker', () => {
    const text = 'Ludmila Kovrigina a déclaré que la frontière restera fermée. « Nous attendons des garanties sérieuses », a-t-elle ajouté.';
    expect(read(text).filter((q) => q[0] === 'direct')).toEqual([['direct', 'Nous attendons des garanties', 'Ludmila Kovrigina']]);
  });

  it('a quote that continues after an attribution inside the marks is one quotation', () => {
    const text = '« Le projet est prêt, a expliqué Aurélien Vasseur. Il ne manque plus que la signature du préfet. »';
    const quotes = extractQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ speaker: 'Aurélien Vasseur', kind: 'direct' });
    expect(quotes[0].text).toMatch(/^Le projet est prêt.*signature du préfet\.$/u);
  });

  it('« … », a dit X, « … »: one quotation continued after its attribution', () => {
    const text = '« Le projet est prêt », a expliqué Aurélien Vasseur, « il ne manque plus que la signature ».';
    const quotes = extractQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].text).toBe('Le projet est prêt […] il ne manque plus que la signature');
    expect(quotes[0].speaker).toBe('Aurélien Vasseur');
  });

  it('a quotation over several paragraphs, « repeated at each one', () => {
    const text = 'Ludmila Kovrigina a déclaré : « Nous avons tout essayé pendant des mois.\n\n« Il est temps que le gouvernement nous entende enfin. »';
    const quotes = extractQuotes(text).filter((q) => q.kind === 'direct');
    expect(quotes).toHaveLength(1);
    expect(quotes[0].text).toBe('Nous avons tout essayé pendant des mois. Il est temps que le gouvernement nous entende enfin.');
    expect(quotes[0].speaker).toBe('Ludmila Kovrigina');
  });

  it('a quotation over several sentences, the speaker in the sentence before', () => {
    expect(read('Sur place, Ludmila Kovrigina a raconté sa nuit. « Je travaille de nuit depuis dix ans. Rien ne change. »')).toEqual([['direct', 'Je travaille de nuit', 'Ludmila Kovrigina']]);
  });

  it('no speaker when the text does not say', () => {
    expect(read('Sur les pancartes, on lisait « Nous voulons vivre de notre travail » en lettres rouges.')).toEqual([['direct', 'Nous voulons vivre de', null]]);
  });

  it('a short partial quote next to its attribution is kept; names and scare quotes are not', () => {
    expect(read('Aurélien Vasseur a appelé à « rester ferme » face aux casseurs.')).toEqual([['direct', 'rester ferme', 'Aurélien Vasseur']]);
    expect(read('Les « bonnets rouges » ont défilé. Le film « Les Marais Salants » sort demain.')).toEqual([]);
  });

  it('a quote nested in a quote is its own quotation', () => {
    const quotes = extractQuotes('« Il m’a dit “nous reviendrons demain avec les autres” et il est parti », a raconté Aurélien Vasseur.');
    expect(quotes.map((q) => q.text.split(' ')[0])).toEqual(['Il', 'nous']);
    expect(quotes[0].speaker).toBe('Aurélien Vasseur');
  });
});

describe('two quotes of one sentence, invented text', () => {
  it('are two quotations, both given the attribution that ends the sentence', () => {
    const text = 'Les habitants attendent «un mot de compassion» de la mairie mais aussi «des annonces très concrètes», a jugé Aurélien Vasseur.';
    expect(read(text).map((q) => q[2])).toEqual(['Aurélien Vasseur', 'Aurélien Vasseur']);
  });
});

describe('indirect speech, invented text', () => {
  it('a speech verb and que', () => {
    expect(read('Bartholomé Quennec a affirmé mardi que le chantier serait fini en mars.')).toEqual([['indirect', 'le chantier serait fini', 'Bartholomé Quennec']]);
  });

  it('an inverted attribution closing the sentence', () => {
    const text = 'Ludmila Kovrigina a parlé aux habitants. Le pont sera rouvert à la circulation lundi, a-t-elle ajouté.';
    expect(read(text)).toEqual([['indirect', 'Le pont sera rouvert', 'Ludmila Kovrigina']]);
  });

  it('an infinitive after the verb', () => {
    expect(read('Bartholomé Quennec a dit vouloir rouvrir le chantier avant mars.')).toEqual([['indirect', 'vouloir rouvrir le chantier', 'Bartholomé Quennec']]);
  });

  it('selon X, opening a sentence', () => {
    expect(read('Selon Bartholomé Quennec, le chantier prendra deux ans de plus.')).toEqual([['indirect', 'le chantier prendra deux', 'Bartholomé Quennec']]);
  });

  it('speech inside a direct quote is part of it, not indirect speech', () => {
    const quotes = extractQuotes('« Mon voisin a affirmé que tout irait bien, mais rien n’a changé », a regretté Ludmila Kovrigina.');
    expect(quotes.map((q) => q.kind)).toEqual(['direct']);
  });
});

describe('quotations in real text (short excerpts of the dev corpus)', () => {
  it('Journal de Montréal: a partial quote, its attribution at the end of the sentence', () => {
    const text = 'Ces rassemblements ont fait «beaucoup plus de dégâts» matériels à Paris que ceux du 1er décembre, a déclaré dimanche Emmanuel Grégoire, premier adjoint à la maire de Paris.';
    expect(read(text)).toContainEqual(['direct', 'beaucoup plus de dégâts', 'Emmanuel Grégoire']);
  });

  it('La Presse: « … », a assuré X, with an apposition', () => {
    const text = "« 90 % des engagements sont faits sur l'emballage », a assuré Emmanuel Guichard, délégué général de la fédération des fabricants d'emballage plastique, Elipso, lors d'un point de presse.";
    expect(read(text)).toEqual([['direct', "90 % des engagements", 'Emmanuel Guichard']]);
  });

  it('Le Devoir: the attribution before, the quote over several sentences', () => {
    const text = 'Ludmila Kovrigina a prévenu : « Le tracé ne changera pas. Les riverains seront indemnisés. »';
    expect(read(text)).toEqual([['direct', 'Le tracé ne changera', 'Ludmila Kovrigina']]);
  });
});
