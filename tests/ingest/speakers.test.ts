import { describe, expect, it } from 'vitest';
import { extractSpeakers, readCorpus } from '../../src/ingest/index.js';
import { FIXTURE_CORPUS, articleOf } from './helpers.js';

describe('extractSpeakers: people never seen before', () => {
  it('finds a new minister and resolves "M. Mudavadi" and a role to him', () => {
    const text = [
      'Le ministre kényan des Affaires étrangères Musalia Mudavadi a déclaré jeudi que son pays soutenait le processus de paix.',
      '« Nous sommes prêts à accueillir les négociations », a précisé le chef de la diplomatie kényane.',
      'M. Mudavadi a ajouté que la région avait besoin de stabilité. La Chine a déclaré son appui.',
    ].join('\n\n');
    expect(extractSpeakers(text)).toEqual(['Musalia Mudavadi']);
  });

  it('reads the subject after the verb behind a quote or a comma, and "selon X"', () => {
    const text = [
      '« La récolte sera bonne », a assuré Aïssata Traoré, présidente de la coopérative.',
      'Les prix baisseront, a poursuivi Mme Traoré.',
      'Selon Ibrahim Keïta, économiste à Bamako, la saison des pluies a été favorable.',
    ].join('\n\n');
    expect(extractSpeakers(text)).toEqual(['Aïssata Traoré', 'Ibrahim Keïta']);
  });

  it('gives a pronoun ("a-t-il affirmé", "Il a ajouté") to the nearest preceding speaker', () => {
    const text = [
      'Joao Pereira a estimé que le port serait agrandi. « Les travaux commenceront en mai », a-t-il affirmé.',
      'Hanna Virtanen a rappelé que les fonds manquaient. Elle a ajouté que le vote aurait lieu en juin.',
    ].join('\n\n');
    const speakers = extractSpeakers(text);
    expect(speakers).toEqual(['Joao Pereira', 'Hanna Virtanen']);
  });

  it('gives "ce dernier" to the nearest person named before', () => {
    const text = 'La ministre Ana Costa a reçu son homologue. « Nous avancerons ensemble », a souligné ce dernier en désignant Ana Costa.';
    // "ce dernier" follows "Ana Costa": she is the nearest person named before the verb
    expect(extractSpeakers(text)).toEqual(['Ana Costa']);
  });

  it('resolves a role only when the text gives it to exactly one person', () => {
    const base =
      "Wang Yi, conseiller d'Etat et ministre des Affaires étrangères de Chine, a eu une conversation avec le ministre russe des Affaires étrangères Sergueï Lavrov. ";
    expect(extractSpeakers(base + 'Tout va bien, a souligné le ministre russe.')).toEqual(['Sergueï Lavrov']);
    expect(extractSpeakers(base + 'A cette occasion, le chef de la diplomatie chinoise a souligné que tout allait bien.')).toEqual(['Wang Yi']);
    // two ministers: "le ministre" is ambiguous
    expect(extractSpeakers(base + 'Tout va bien, a souligné le ministre.')).toEqual([]);
  });

  it('never takes countries, cities, organisations, pronouns or nouns for people', () => {
    const text = [
      'La Chine a déclaré son soutien. Moscou a estimé que non. L’OTAN a affirmé sa position.',
      'Xinhua a indiqué que la réunion était finie. Les Russes ont dit leur accord. Pékin a ajouté une condition.',
      'Comme l’a indiqué la déclaration commune, les deux parties ont souligné leur accord. Selon des analystes, rien ne change.',
      "L'Union européenne a rappelé sa position.",
    ].join('\n\n');
    expect(extractSpeakers(text)).toEqual([]);
  });

  it('merges spellings: accents, ï/y, M. X, and prefers the accented form', () => {
    const text = [
      'Le président Kassym-Jomart Tokaïev a déclaré que l’ordre était rétabli.',
      'Le président Tokayev a ajouté que les troupes partiraient.',
      'M. Nazarbaev a dit qu’il soutenait le président. Noursoultan Nazarbaïev a conclu la réunion.',
      'Erlan Abdyldaev a noté que le traité tenait. Erlan Abdyldayev a rappelé la date.',
    ].join('\n\n');
    // without accents to prefer, the tie is broken alphabetically so the choice never depends on order
    expect(extractSpeakers(text)).toEqual(['Kassym-Jomart Tokaïev', 'Noursoultan Nazarbaïev', 'Erlan Abdyldaev']);
  });

  it('never counts editors named in a byline', () => {
    const text = 'Lin Hua a déclaré que les échanges reprendraient.\n(Rédacteurs : Lin Hua, Zhou Min)';
    expect(extractSpeakers(text)).toEqual([]);
    expect(articleOf('Lin Hua a déclaré que les échanges reprendraient.\n\n(Rédacteurs : Zhou Min)').speakers).toEqual(['Lin Hua']);
  });

  it('lists the most frequent speaker first', () => {
    const text = 'Paulo Souza a déclaré ceci. Marta Lima a dit cela. Mme Lima a ajouté autre chose. Mme Lima a conclu.';
    expect(extractSpeakers(text)).toEqual(['Marta Lima', 'Paulo Souza']);
  });

  it('given speakers win over extraction', async () => {
    const corpus = await readCorpus(FIXTURE_CORPUS);
    const line2 = corpus.articles.find((a) => a.id === 'feeds/depeches:2')!;
    expect(line2.speakers).toEqual(['Kristalina Georgieva']);
  });
});

describe('extractSpeakers: one capitalised word alone', () => {
  it('is a person only with a title, a full name in the text, or a known surname', () => {
    expect(extractSpeakers('Renault a annoncé la fermeture du site. Marignane a indiqué que la piste rouvrirait.')).toEqual([]);
    expect(extractSpeakers('M. Durand a annoncé sa démission.')).toEqual(['Durand']);
    expect(extractSpeakers('Le ministre Okonkwo a annoncé sa démission.')).toEqual(['Okonkwo']);
    expect(extractSpeakers('Poutine a déclaré que la Russie négocierait.')).toEqual(['Vladimir Poutine']);
    expect(extractSpeakers('Amina Diallo préside la séance. Diallo a déclaré que le budget passerait.')).toEqual(['Amina Diallo']);
  });
});
