import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/analysis/index.js';
import { sameStoryGroups, SAME_STORY_DEFAULTS, signatureSimilarity, storySignature } from '../src/index/same-story.js';

const terms = (text: string) => tokenize(text).map((t) => t.term);
const signature = (text: string) => storySignature(terms(text));

// An invented agency dispatch, as two papers print it: one edits the lead, cuts the last sentence and adds its own tail.
const DISPATCH = [
  'Les agriculteurs de la vallée de la Vanoise ont bloqué lundi les principaux accès à Chambéry pour protester contre la baisse du prix du lait.',
  'Plusieurs centaines de tracteurs se sont rassemblés dès l’aube devant la préfecture, selon les organisateurs, qui réclament un prix plancher garanti par l’État.',
  '« Nous ne pouvons plus vivre de notre travail », a déclaré Théodora Vassilakis, présidente de la Fédération des cultivateurs de Vanoise.',
  'La préfète a proposé de recevoir une délégation mardi, mais les manifestants ont annoncé qu’ils resteraient sur place jusqu’à l’obtention d’engagements écrits.',
  'Le ministère de l’Agriculture a indiqué dans un communiqué qu’une table ronde réunirait producteurs et industriels d’ici la fin du mois.',
  'La filière laitière traverse sa troisième crise en cinq ans, après la fin des quotas européens et la chute des exportations vers l’Asie.',
];
const PAPER_A = DISPATCH.join(' ');
const PAPER_B = ['Colère dans les campagnes savoyardes.', ...DISPATCH.slice(0, 5), 'Notre journal suivra le mouvement toute la semaine.'].join(' ').replace('Plusieurs centaines', 'Quelques centaines');
// Another story on the same topic, with the same words but not the same text.
const OTHER_STORY = [
  'Le prix du lait payé aux producteurs a encore baissé en janvier, selon les chiffres publiés jeudi par l’interprofession laitière.',
  'Les éleveurs de montagne, dont les coûts sont plus élevés, sont les premiers touchés par cette baisse qui dure depuis l’automne.',
  'Une coopérative de Haute-Savoie a annoncé qu’elle mettrait en réserve une partie de sa production pour soutenir les cours du fromage.',
  'Les industriels estiment que la demande européenne devrait repartir au printemps, ce que contestent les syndicats agricoles.',
  'Le gouvernement doit présenter d’ici l’été un plan de soutien à la filière, après plusieurs mois de négociations avec les distributeurs.',
].join(' ');

describe('same-story detection', () => {
  it('groups a dispatch reprinted with small edits, and not another story on the same topic', () => {
    const signatures = [PAPER_A, OTHER_STORY, PAPER_B].map(signature);
    expect(signatureSimilarity(signatures[0]!, signatures[2]!)).toBeGreaterThanOrEqual(SAME_STORY_DEFAULTS.threshold);
    expect(signatureSimilarity(signatures[0]!, signatures[1]!)).toBeLessThan(0.1);
    expect([...sameStoryGroups(signatures)]).toEqual([0, 1, 0]);
  });

  it('reads the texts through the analysis: case, accents and inflections do not part a reprint', () => {
    const shouted = PAPER_A.toUpperCase().normalize('NFD').replace(/\p{M}/gu, '');
    expect(signatureSimilarity(signature(PAPER_A)!, signature(shouted)!)).toBe(1);
  });

  it('groups articles of the same url whatever their text, and never groups texts too short to tell', () => {
    expect(signature('Chambéry : les tracteurs bloquent la ville.')).toBeNull();
    const signatures = [signature(PAPER_A), signature(OTHER_STORY), null, null];
    const urls = ['https://exemple.fr/a', 'https://exemple.fr/a', null, null];
    expect([...sameStoryGroups(signatures, urls)]).toEqual([0, 0, 2, 3]);
  });

  it('gives each group its smallest member, through chains of reprints', () => {
    const edits = [PAPER_B, OTHER_STORY, PAPER_A, PAPER_A.replace('Chambéry', 'Albertville')];
    expect([...sameStoryGroups(edits.map(signature))]).toEqual([0, 1, 0, 0]);
  });

  it('is the same signature in every build (fixed seeds), so incremental builds agree', () => {
    expect([...signature(PAPER_A)!]).toEqual([...storySignature(terms(PAPER_A))!]);
  });
});
