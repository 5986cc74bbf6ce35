/**
 * A small corpus of stories for same-story and entity-page tests: a real
 * dispatch as two papers printed it (the first sentences only, from the
 * dev archive's Greek storm of 24 February 2019, La Presse and Tribune de
 * Genève), two real but different stories on one topic (the gilets jaunes),
 * and an invented dispatch reprinted three times with edits, beside
 * invented articles that must stay alone. Written as JSON Lines, one file
 * per paper, so that removing a file removes a version.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const GREECE_PRESSE =
  "La Grèce était frappée dimanche par d'importantes intempéries, les vents violents provoquant l'interruption des liaisons maritimes, des retards dans le trafic aérien et des coupures de routes en raison de chutes d'arbres dans la région d'Athènes, ont indiqué les pompiers. D'importantes coupures d'électricité ont été déplorées dans le nord du pays et dans la banlieue nord-est d'Athènes. À Nea Smyrni, au sud de la capitale, douze voitures ont été écrasées par des chutes d'arbres.";
const GREECE_TRIBUNE =
  "La Grèce était frappée dimanche par d'importantes intempéries, les vents violents provoquant l'interruption des liaisons maritimes, des retards dans le trafic aérien et des coupures de routes en raison de chutes d'arbres dans la région d'Athènes, selon les pompiers.\n\nD'importantes coupures d'électricité ont été déplorées dans le nord du pays et dans la banlieue nord-est d'Athènes. A Nea Smyrni, au sud de la capitale, douze voitures ont été écrasées par des chutes d'arbres.";
const JAUNES_TRIBUNE =
  "Les «gilets jaunes» français, qui contestent depuis plus de trois mois la politique sociale et fiscale du président Emmanuel Macron, réinvestissent la rue samedi pour une quinzième manifestation hebdomadaire, espérant endiguer le déclin de leur mobilisation. «On voudrait penser à l'avenir de nos enfants, et au présent des mères célibataires qui galèrent»: Sylvie, 58 ans et veuve, fait partie des quelque 750 «gilets jaunes», selon les gendarmes, rassemblés sous un soleil printanier en milieu de journée sur la pelouse du château de Chambord, un des plus beaux de la Loire.";
const JAUNES_MONTREAL =
  "Les appels pressants se multipliaient dimanche en France pour que le président Emmanuel Macron apporte une réponse à la crise des «gilets jaunes», au lendemain d’une journée de mobilisation toujours forte et qui a donné lieu à de nouvelles violences et un nombre record d’interpellations. Une semaine après les images sidérantes d’émeutes en plein Paris qui avaient fait le tour du monde, et en dépit des nombreuses mises en garde des autorités, les manifestants de ce mouvement populaire et inédit n’ont pas renoncé à défiler dans la capitale française et dans plusieurs villes de province, éprouvées pour certaines par des débordements et dégradations importantes.";

// Invented: a dispatch on a strike at an invented port, three printings.
const PORT = [
  'Les dockers du port de Valmorin ont cessé le travail mercredi à l’appel de leur syndicat, paralysant le déchargement de plus de quarante navires.',
  '« Nous ne reprendrons pas tant que la direction refusera de négocier », a déclaré Ondine Kerbrat, secrétaire de la Fédération des ports de l’Ouest.',
  'La direction du port affirme avoir proposé une hausse de salaire de trois pour cent, jugée insuffisante par les grévistes.',
  'Les exportateurs de céréales craignent des pénalités si les cargaisons ne partent pas avant la fin de la semaine.',
];
const PORT_A = PORT.join(' ');
const PORT_B = ['Grève au port.', ...PORT.slice(0, 3)].join(' ').replace('plus de quarante', 'une quarantaine de');
const PORT_C = PORT.join(' ').replace('mercredi', 'ce mercredi') + ' Le ministre des Transports doit s’exprimer jeudi.';
// Invented: the same port, another story.
const PORT_OTHER =
  'Le trafic du port de Valmorin a progressé de six pour cent l’an dernier, porté par les conteneurs venus d’Asie et par la reprise des croisières. La Fédération des ports de l’Ouest salue un record, mais s’inquiète du manque de grues. Ondine Kerbrat demande à la région d’investir dans un nouveau quai avant deux ans.';

export interface StoryArticle {
  id: string;
  title: string;
  date: string;
  source: string;
  text: string;
  speakers?: string[];
  organisations?: string[];
}

export const STORY_FILES: Record<string, StoryArticle[]> = {
  'presse.jsonl': [
    { id: 'presse-grece', title: "La Grèce touchée par une nouvelle vague d'intempéries", date: '2019-02-24', source: 'La Presse', text: GREECE_PRESSE },
    { id: 'presse-port', title: 'Grève des dockers à Valmorin', date: '2024-03-06', source: 'La Presse', text: PORT_A },
  ],
  'tribune.jsonl': [
    { id: 'tribune-grece', title: 'La tempête met le pays sur pause', date: '2019-02-24', source: 'Tribune de Genève', text: GREECE_TRIBUNE },
    { id: 'tribune-jaunes', title: 'Les gilets jaunes à nouveau dans la rue', date: '2019-02-23', source: 'Tribune de Genève', text: JAUNES_TRIBUNE },
    { id: 'tribune-port', title: 'Valmorin : le port à l’arrêt', date: '2024-03-06', source: 'Tribune de Genève', text: PORT_B },
  ],
  'matin.jsonl': [
    { id: 'matin-port', title: 'Les dockers de Valmorin en grève', date: '2024-03-07', source: 'Le Matin', text: PORT_C },
    { id: 'matin-port-bilan', title: 'Record de trafic à Valmorin', date: '2024-01-15', source: 'Le Matin', text: PORT_OTHER },
  ],
  'montreal.jsonl': [
    { id: 'montreal-jaunes', title: 'Gilets jaunes : le président pressé de répondre', date: '2018-12-09', source: 'Journal de Montréal', text: JAUNES_MONTREAL },
  ],
};

/** Writes the corpus (or the files named) into `dir`. */
export async function writeStoryCorpus(dir: string, files: string[] = Object.keys(STORY_FILES)): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of files) await writeFile(path.join(dir, name), STORY_FILES[name].map((a) => JSON.stringify(a)).join('\n') + '\n');
}
