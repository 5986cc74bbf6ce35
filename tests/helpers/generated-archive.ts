/**
 * A generated archive for tests at archive scale: JSON Lines records dated
 * over a span of years (1944-2024 by default), many invented speaker names
 * (more than the facet boxes list) and a few organisations, written to a
 * temporary corpus folder for the real indexer.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FIRST = ['Aurélien', 'Bénédicte', 'Clotaire', 'Delphine', 'Éloi', 'Fabienne', 'Gaspard', 'Hortense', 'Ignace', 'Joséphine', 'Kévin', 'Léonie', 'Marius', 'Noémie', 'Octave', 'Perrine', 'Quentin', 'Rosalie', 'Sylvain', 'Thaïs'];
const LAST = ['Abrivard', 'Beaucaire', 'Cordonnier', 'Dufresnoy', 'Escoffier', 'Fontanel', 'Gradignan', 'Hautecœur', 'Isambert', 'Jolivet', 'Kerbrat', 'Lamoricière', 'Montbrison', 'Nérac', 'Ormesson', 'Pradelle', 'Quercy', 'Rocamadour', 'Saint-Sernin', 'Tourvel'];
const ORGS = ['Office des Hautes Terres', 'Ligue des Ports', 'Conseil des Vallées', 'Union des Canaux'];
const SUBJECTS = ['la réforme portuaire', 'le budget des canaux', 'la sécheresse', 'les élections régionales', 'la grève des dockers', 'le traité des vallées'];

/** The i-th invented name of the archive: 400 of them, "Aurélien Abrivard", "Aurélien Beaucaire", … */
export function inventedName(i: number): string {
  return `${FIRST[Math.floor(i / LAST.length) % FIRST.length]} ${LAST[i % LAST.length]}`;
}
export const NAME_COUNT = FIRST.length * LAST.length;

export interface GeneratedArchive {
  dir: string;
  /** Every record's date, YYYY-MM-DD. */
  dates: string[];
  cleanup: () => Promise<void>;
}

/** A small deterministic generator (no Math.random: the same archive each run). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function generateArchive({ articles = 1200, firstYear = 1944, lastYear = 2024, seed = 7 } = {}): Promise<GeneratedArchive> {
  const dir = await mkdtemp(path.join(tmpdir(), 'depeches-generated-'));
  const random = generator(seed);
  const lines: string[] = [];
  const dates: string[] = [];
  const years = lastYear - firstYear + 1;
  for (let n = 0; n < articles; n++) {
    // Every year gets articles; later years more (archives grow).
    const year = n < years ? firstYear + n : firstYear + Math.floor(Math.sqrt(random()) * years);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    dates.push(date);
    // Speakers: a few frequent names, a long tail of rare ones (each name at least once).
    const speakers = [inventedName(n % NAME_COUNT), inventedName(Math.floor(random() ** 3 * NAME_COUNT))];
    const organisation = ORGS[Math.floor(random() * ORGS.length)];
    const subject = SUBJECTS[n % SUBJECTS.length];
    const text = `${speakers[0]} a parlé de ${subject} devant l’${organisation} le ${day} ${['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][month - 1]} ${year}. ${speakers[1]} a répondu que la question restait ouverte.`;
    lines.push(JSON.stringify({ id: `gen-${String(n).padStart(5, '0')}`, title: `${speakers[0]} sur ${subject}`, date, source: 'Le Journal généré', speakers: [...new Set(speakers)], organisations: [organisation], text }));
  }
  await writeFile(path.join(dir, 'archive.jsonl'), lines.join('\n') + '\n');
  return { dir, dates, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
