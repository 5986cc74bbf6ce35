/** Shared by the tests/hostile/rest-*.test.ts: temporary corpora, a seeded random source, a strict XML check. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A corpus folder of JSON Lines articles (ids, titles and texts as given). */
export async function writeCorpus(articles: { id: string; title: string; text: string; date?: string }[], dir?: string): Promise<string> {
  const corpus = dir ?? (await mkdtemp(path.join(tmpdir(), 'depeches-hostile-corpus-')));
  await writeFile(path.join(corpus, 'articles.jsonl'), articles.map((a) => JSON.stringify({ source: 'Le Courrier inventé', date: '2024-03-05', ...a })).join('\n') + '\n');
  return corpus;
}

/** A few short French articles with invented names. */
export const SMALL_ARTICLES = [
  { id: 'a1', title: 'Le conseil de Valmorin vote son budget', text: 'Le conseil municipal de Valmorin a voté mardi un budget en hausse, a indiqué la maire Odile Carpentras.\n\nLes travaux du pont commenceront au printemps.' },
  { id: 'a2', title: 'Grève des traminots à Sorbec', text: 'Les traminots de Sorbec ont cessé le travail lundi pour réclamer des hausses de salaire, selon le syndicat.' },
  { id: 'a3', title: 'La récolte de lavande s’annonce bonne', text: 'Les producteurs de lavande du plateau de Castelmaure attendent une récolte abondante après un printemps pluvieux.' },
];

/** Mulberry32, the bench's seeded generator, so that a failing trial can be replayed from its seed. */
export { rng as seededRandom } from '../../bench/generate-corpus.js';

/** The seed of a property test: HOSTILE_SEED when replaying, else a new one. */
export function testSeed(): number {
  return process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : Math.floor(Math.random() * 2 ** 31);
}

const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const REFERENCE = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;

function checkText(text: string, where: string): void {
  if (!XML_CHAR.test(text)) throw new Error(`${where}: a character XML cannot hold`);
  const stripped = text.replace(REFERENCE, (_all, dec: string | undefined, hex: string | undefined) => {
    if (dec === undefined && hex === undefined) return '';
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    if (!XML_CHAR.test(String.fromCodePoint(code))) throw new Error(`${where}: &#${code}; names a character XML cannot hold`);
    return '';
  });
  if (/[&<]/.test(stripped)) throw new Error(`${where}: a bare & or <`);
}

/**
 * Checks that `xml` is a well-formed XML 1.0 document (no DTD, no CDATA, as
 * our feeds are): legal characters, references, balanced and properly
 * nested elements, quoted attributes, one root. Returns the element names
 * in document order; throws saying what is wrong.
 */
export function parseXml(xml: string): string[] {
  if (!XML_CHAR.test(xml)) throw new Error('the document holds a character XML cannot hold');
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const names: string[] = [];
  let roots = 0;
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root element');
    checkText(text, `text of <${stack.at(-1) ?? ''}>`);
    if (lt === -1) break;
    rest = rest.slice(lt);
    const match = tag.exec(rest);
    if (!match) throw new Error(`malformed tag: ${JSON.stringify(rest.slice(0, 60))}`);
    const [all, closing, name, attributes, selfClosing] = match;
    for (const attribute of attributes.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) checkText(attribute[1] ?? attribute[2], `attribute of <${name}>`);
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes another element`);
    } else {
      if (stack.length === 0 && ++roots > 1) throw new Error('more than one root element');
      names.push(name);
      if (!selfClosing) stack.push(name);
    }
    rest = rest.slice(all.length);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)}> is never closed`);
  if (roots !== 1) throw new Error('no root element');
  return names;
}
