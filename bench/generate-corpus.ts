/**
 * Deterministic generator of a French news-like corpus in the sample corpus's
 * own format and mess (`npm run corpus:generate -- --docs N --out DIR [--seed S]`):
 * a headline, a date in one of the sample formats, paragraphs mixing sample
 * sentences (names swapped) with sentences drawn from a Zipf-distributed long
 * tail of real French words, quotes « … » with "a déclaré M. X",
 * organisations with acronyms, web chrome lines. 1000 files a folder.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const SAMPLE_CORPUS = fileURLToPath(new URL('../corpus', import.meta.url));
const FILES_PER_FOLDER = 1000;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws ranks 0..n-1 with P(rank k) ∝ 1/(k+1)^s. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cumulative[k] = sum += 1 / Math.pow(k + 1, s);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const FIRST = 'Anne Alain Amélie Antoine Béatrice Bernard Camille Claude Cécile Denis Delphine Émile Élodie François Florence Gérard Hélène Henri Inès Jacques Jeanne Julien Karim Laure Louis Marie Mathieu Nadia Nicolas Olivier Pascale Pierre Rachid Sophie Sylvain Thérèse Thomas Valérie Vincent Yasmine Zoé Ahmed Fatou Moussa Aminata Dmitri Olga Sergueï Natalia Li Wei Zhang Mei Hiroshi Yuki Carlos Lucía João Ana Kwame Abena Omar Leïla'.split(' ');
const LAST = 'Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Diallo Traoré Keïta Ivanov Petrov Smirnova Kouznetsov Wang Zhao Chen Liu Yamamoto Tanaka Silva Santos Haddad Benali Mensah Okafor'.split(' ');
const SYLLABLES = 'ba be bi bo bou ca ce ché co da de di do dou fa fe fi fo ga gi go la le li lo lou ma me mi mo mou na ne ni no pa pe pi po ra re ri ro rou sa se si so ta te ti to va ve vi vo za zi'.split(' ');
const KNOWN_ORGANISATIONS: [string, string][] = [
  ['Organisation des Nations unies', 'ONU'],
  ['Organisation du traité de sécurité collective', 'OTSC'],
  ['Organisation de coopération de Shanghai', 'OCS'],
  ["Organisation du traité de l'Atlantique nord", 'OTAN'],
  ['Organisation mondiale de la santé', 'OMS'],
  ['Fonds monétaire international', 'FMI'],
  ['Organisation mondiale du commerce', 'OMC'],
  ['Banque centrale européenne', 'BCE'],
  ["Association des nations de l'Asie du Sud-Est", 'ASEAN'],
  ['Organisation pour la sécurité et la coopération en Europe', 'OSCE'],
  ['Organisation des pays exportateurs de pétrole', 'OPEP'],
  ['Parti communiste chinois', 'PCC'],
];
const ORG_HEADS = ['Agence', 'Office', 'Institut', 'Conseil', 'Commission', 'Fédération', 'Centre', 'Comité', 'Autorité', 'Observatoire'];
const ORG_ADJECTIVES = ['nationale', 'régionale', 'internationale', 'européenne', 'africaine', 'asiatique', 'centrale', 'supérieure', 'permanente', 'fédérale'];
const DETERMINERS = ['le', 'la', 'les', 'un', 'une', 'des', 'ce', 'cette', 'leur', 'notre'];
const PREPOSITIONS = ['de', 'du', 'des', 'pour', 'avec', 'sur', 'dans', 'contre', 'entre', 'par', 'sans', 'vers'];
const VERBS = ['a déclaré', 'a souligné', 'a affirmé', 'a indiqué', 'a noté', 'a ajouté', 'a estimé', 'a rappelé', 'a conclu'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const SECTIONS = ['Chine', 'Monde', 'Économie', 'Afrique', 'Europe', 'Culture', 'Sciences'];

interface Person {
  first: string;
  last: string;
}

export interface GeneratorOptions {
  docs: number;
  out: string;
  seed?: number;
}

/** Sentences of the sample corpus, chrome-ish lines left out. */
async function sampleSentences(): Promise<string[]> {
  const files = (await readdir(SAMPLE_CORPUS)).filter((f) => f.endsWith('.txt')).sort();
  const sentences: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(SAMPLE_CORPUS, file), 'utf8');
    for (const line of text.split('\n')) {
      if (line.length < 80 || /Votre adresse|Laisser un/.test(line)) continue;
      for (const s of line.split(/(?<!\bM\.)(?<=[.!?»])\s+(?=[A-ZÀ-Ü«])/u)) if (s.length >= 40 && s.length <= 450 && /[.»]$/.test(s)) sentences.push(s.trim());
    }
  }
  return sentences;
}

function frenchWords(random: () => number): string[] {
  const require = createRequire(import.meta.url);
  const all = (require('an-array-of-french-words') as string[]).filter((w) => /^[a-zà-ÿœæ]{3,}$/u.test(w));
  // A fixed shuffle, so that ranks are not alphabetical.
  for (let k = all.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [all[k], all[j]] = [all[j], all[k]];
  }
  return all;
}

export async function generateCorpus(options: GeneratorOptions): Promise<{ files: number; bytes: number }> {
  const random = rng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;
  const sentences = await sampleSentences();
  const words = frenchWords(random);
  const wordRank = zipf(words.length, 1.05, random);
  const word = () => words[wordRank()];

  // People: real-looking first + last names, many generated surnames; prominence is Zipf too.
  const lastNames = [...LAST];
  for (let k = 0; k < 1500; k++) {
    const n = 2 + Math.floor(random() * 2);
    let s = '';
    for (let j = 0; j < n; j++) s += pick(SYLLABLES);
    lastNames.push(s[0].toUpperCase() + s.slice(1));
  }
  const people: Person[] = [];
  const seen = new Set<string>();
  while (people.length < 3000) {
    const p = { first: pick(FIRST), last: pick(lastNames) };
    if (seen.has(p.first + p.last)) continue;
    seen.add(p.first + p.last);
    people.push(p);
  }
  const personRank = zipf(people.length, 0.9, random);
  const person = () => people[personRank()];

  const organisations: [string, string][] = [...KNOWN_ORGANISATIONS];
  const acronyms = new Set(organisations.map(([, a]) => a));
  while (organisations.length < 400) {
    const noun = word();
    const long = `${pick(ORG_HEADS)} ${pick(ORG_ADJECTIVES)} ${pick(['de la', 'du', 'des', 'pour la'])} ${noun}`;
    const acronym = long
      .split(' ')
      .filter((w) => !['de', 'la', 'du', 'des', 'pour'].includes(w))
      .map((w) => w[0].toUpperCase())
      .join('')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    let unique = acronym;
    for (let k = 2; acronyms.has(unique); k++) unique = `${acronym}${k}`;
    acronyms.add(unique);
    organisations.push([long, unique]);
  }
  const organisationRank = zipf(organisations.length, 1.0, random);

  const phrase = (n: number): string => {
    const parts: string[] = [];
    for (let k = 0; k < n; k++) {
      if (k % 2 === 0) parts.push(pick(DETERMINERS), word());
      else parts.push(word(), pick(PREPOSITIONS));
    }
    return parts.join(' ');
  };
  const sentence = (): string => {
    const s = `${phrase(2 + Math.floor(random() * 3))} ${pick(['a', 'doit', 'va', 'pourrait', 'entend'])} ${word()} ${phrase(2 + Math.floor(random() * 3))}`;
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  /** A sample sentence with its people swapped for generated ones. */
  const recombined = (a: Person, b: Person): string =>
    pick(sentences)
      .replace(/Wang Yi/g, `${a.first} ${a.last}`)
      .replace(/M\. Wang/g, `M. ${a.last}`)
      .replace(/Serg(?:ue)?[ïi] Lavrov/g, `${b.first} ${b.last}`)
      .replace(/M\. Lavrov/g, `M. ${b.last}`);

  const dateLine = (d: Date, style: number): string => {
    const day = d.getUTCDate();
    const month = d.getUTCMonth();
    const year = d.getUTCFullYear();
    const pad = (n: number) => String(n).padStart(2, '0');
    const hh = pad(Math.floor(random() * 24));
    const mm = pad(Math.floor(random() * 60));
    switch (style) {
      case 0:
        return `Xinhua | ${pad(day)}.${pad(month + 1)}.${year} ${hh}h${mm}`;
      case 1:
        return `${year}-${pad(month + 1)}-${pad(day)} ${hh}:${mm}`;
      default:
        return `Le ${day} ${MONTHS[month]} ${year}${style === 2 ? ', heure locale' : ''}`;
    }
  };

  await rm(options.out, { recursive: true, force: true });
  let bytes = 0;
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  for (let i = 0; i < options.docs; i++) {
    const a = person();
    let b = person();
    if (b === a) b = people[(people.indexOf(a) + 1) % people.length];
    const [orgLong, orgShort] = organisations[organisationRank()];
    const date = new Date(start + Math.floor(random() * span));
    const style = Math.floor(random() * 4);
    const blank = chance(0.6); // paragraphs separated by blank lines, or not
    const lines: string[] = [];
    if (chance(0.25)) lines.push(`Dernière mise à jour à ${String(Math.floor(random() * 24)).padStart(2, '0')}h${String(Math.floor(random() * 60)).padStart(2, '0')} le ${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}`, `Page d'accueil>>${pick(SECTIONS)}`);
    const headline = pick([
      () => `${a.first} ${a.last} s'entretient avec ${b.first} ${b.last} sur ${phrase(2)}`,
      () => `${orgShort} : ${phrase(2)}`,
      () => `${sentence().slice(0, -1)}`,
      () => `La Chine veut « ${word()} » ses relations avec ${phrase(1)}`,
    ])();
    const paragraphs: string[] = [];
    const opening = `${a.first} ${a.last}, ${pick(['ministre', 'conseiller', 'porte-parole', 'directeur', 'président'])} ${pick(['des Affaires étrangères', 'de la Santé', 'du Commerce', "de l'Agriculture", 'de la Culture'])}, a eu un entretien avec ${b.first} ${b.last} sur ${phrase(2)}.`;
    if (style >= 2 && chance(0.5)) paragraphs.push(`${dateLine(date, style)}, ${opening}`);
    else {
      lines.push(headline);
      lines.push(dateLine(date, style));
      paragraphs.push(opening);
    }
    const count = 3 + Math.floor(random() * 6);
    for (let p = 0; p < count; p++) {
      const parts: string[] = [];
      const n = 2 + Math.floor(random() * 3);
      for (let s = 0; s < n; s++) {
        const r = random();
        if (r < 0.4) parts.push(recombined(a, b));
        else if (r < 0.7) parts.push(sentence());
        else if (r < 0.85) parts.push(`« ${sentence().slice(0, -1)} », ${pick(VERBS)} M. ${pick([a, b, person()]).last}.`);
        else {
          const who = pick([a, b]);
          parts.push(`${who.first} ${who.last} ${pick(VERBS)} que ${phrase(3)}.`);
        }
      }
      if (p === 1) parts.push(`L'${orgLong} (${orgShort}) ${pick(['soutient', 'examine', 'condamne', 'salue'])} ${phrase(2)}.`);
      if (p === 2 && chance(0.5)) parts.push(`Selon l'${orgShort}, ${phrase(3)}.`);
      paragraphs.push(parts.join(' '));
    }
    lines.push(...paragraphs.flatMap((p) => (blank ? [p, ''] : [p])));
    if (chance(0.3)) lines.push(`(Rédacteurs :${person().first} ${person().last}, ${person().first} ${person().last})`, 'Partagez cet article sur :', '  • Votre pseudo');
    if (chance(0.2)) lines.push(`Lire aussi : ${sentence().slice(0, -1)}`, '', 'Laisser un commentaire', '', 'Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *');
    const text = lines.join('\n').replace(/\n+$/, '');
    const folder = path.join(options.out, String(Math.floor(i / FILES_PER_FOLDER)).padStart(3, '0'));
    if (i % FILES_PER_FOLDER === 0) await mkdir(folder, { recursive: true });
    const name = `${String(i).padStart(6, '0')}_${Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')}.txt`;
    await writeFile(path.join(folder, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: options.docs, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: '42' } } });
  const docs = Number(values.docs);
  const out = values.out ?? `bench/corpora/${docs}-seed${values.seed}`;
  const t0 = performance.now();
  const { bytes } = await generateCorpus({ docs, out, seed: Number(values.seed) });
  console.log(`${docs} articles, ${(bytes / 1e6).toFixed(1)} MB in ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
