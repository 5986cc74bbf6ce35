import type { Person } from '../people/role-book.js';
import { isComplementOfNoun } from '../people/subjects.js';
import { sentenceStart } from '../text/sentences.js';
import type { AttributionSites } from './attribution-sites.js';

/**
 * The speaker of a partial quote worked into a sentence with no verb of
 * saying next to it: the subject of the sentence, when it is a person.
 * "Richard Ferrand en a appelé à « la responsabilité des parlementaires »",
 * "le ministre de l'Intérieur Christophe Castaner pense avoir « cassé la
 * dynamique »", "Après les annonces de M. Macron, Jacline Mouraud, l'une des
 * porte-parole, a appelé à « une trêve »", "Il a précisé qu'une « vidéo »
 * montrait…" (the pronoun is the speaker before), "Le président a fait le
 * lien avec… « … »" (the last person called "le président"). A name that
 * is a complement ("les annonces de M. Macron") or an object ("le meurtre
 * de X, « … »") is no subject. Reads back to the sentence start, 400
 * characters at most: linear overall.
 */

const REACH = 400;
/** A coordination or a subordinator that opens a new clause before the subject. */
const CLAUSE_OPENING = /^(?:et|mais|puis|or|donc|alors que|tandis que)(?:\s+|$)/iu;
/** Words that make what stands before a name a clause or a complement, not its role. */
const NOT_A_ROLE = /(?<![\p{L}])(?:d['’]une?|de ce|de cette|par|pour|avec|contre|sur|qui|que|qu['’]|a|ont|est|sont|avait|était)(?![\p{L}])/iu;
const ROLE_SUBJECT = /^((?:le|la|l['’])\s*[^,.;:!?«»()]{2,60}?)\s+(?:a|avait|aurait|est|était|n['’]a|n['’]avait|s['’]est|se|ne|en|y)\s/iu;
const PRONOUN_SUBJECT = /^(?:il|elle)\s+(?:n['’]|ne\s+|l['’]|lui\s+|en\s+|y\s+)*\p{Ll}/iu;

/** "…», M. Fillon a admis": the name right after the comma that closes the participial clause, a verb after it. */
function subjectAfter(text: string, sites: AttributionSites, from: number): Person | null {
  const window = text.slice(from, from + REACH);
  const comma = /^[^.!?\n]*?»\s*[^,.!?\n]{0,80}?,\s*/u.exec(window);
  if (!comma) return null;
  const mention = sites.firstMentionFrom(from + comma[0].length);
  if (!mention || mention.start - (from + comma[0].length) > 30) return null;
  const lead = text.slice(from + comma[0].length, mention.start).trim();
  if (lead !== '' && !/^(?:le|la|l['’])(?:\s|(?<=['’]))/iu.test(lead)) return null;
  if (!/^\s+(?:n['’]|s['’]|l['’])?\p{Ll}/u.test(text.slice(mention.end, mention.end + 4))) return null;
  return sites.finder.speaker(mention, mention.start);
}

/** The person the sentence holding the quote opening at `open` is about, as its subject; undefined when it has none to read. */
export function sentenceSubject(text: string, sites: AttributionSites, open: number, toColon = false): { speaker: Person | null } | undefined {
  const start = sentenceStart(text, open, REACH);
  const region = text.slice(start, open);
  if (region.trim() === '') return undefined;
  // the last named subject before the quote
  const mentions = sites.finder.mentions;
  let k = sites.firstMentionIndexFrom(start);
  let subject: Person | null = null;
  let subjectAt = -1;
  for (; k < mentions.length && mentions[k].end <= open; k++) {
    const mention = mentions[k];
    const before = text.slice(start, mention.start);
    const lastComma = before.lastIndexOf(',');
    const lead = before.slice(lastComma + 1).trim().replace(CLAUSE_OPENING, '');
    if (lead !== '' && (NOT_A_ROLE.test(lead) || lead.split(/\s+/u).length > 8 || !/^(?:le|la|l['’]|les|son|sa|leur|ce|cette|notre)(?:\s|(?<=['’]))/iu.test(lead))) continue;
    if (isComplementOfNoun(before)) continue;
    // a verb after the name, or after its apposition (", l'une des porte-parole, a appelé")
    const after = text.slice(mention.end, open);
    if (toColon && after.trim() === '') {
      const person = sites.finder.speaker(mention, mention.start);
      if (person) return { speaker: person };
    }
    if (!/^\s+(?:n['’]|s['’]|l['’])?\p{Ll}/u.test(after) && !/^\s*,.*,\s+(?:n['’]|s['’])?\p{Ll}/su.test(after)) continue;
    // "musées, Tour Eiffel et boutiques fermés": a name in a list of things, not a subject
    const narrativeInfinitive = /^\s+(?:de\s+|d['’])\p{Ll}+(?:er|ir|re|oir)(?![\p{L}])/u.test(after);
    if (!narrativeInfinitive && /^\s+(?:(?:et|ou)\s+(?!le\s|la\s|l['’])\p{Ll}|(?:de|du|des|à|au|aux)\s)/u.test(after)) continue;
    const person = sites.finder.speaker(mention, mention.start);
    if (!person) continue;
    subject = person;
    subjectAt = mention.start;
  }
  if (subject) return { speaker: subject };
  // "Mettant en exergue le rôle d'une « petite minorité », M. Fillon a admis…": after an opening participle, the subject follows it
  if (/^\p{Lu}\p{Ll}+ant\s/u.test(region.trimStart())) {
    const later = subjectAfter(text, sites, open);
    if (later) return { speaker: later };
  }
  // a pronoun or a role opening the sentence or a clause after a comma
  const clause = region.slice(region.lastIndexOf(',') + 1).trim().replace(CLAUSE_OPENING, '');
  const opening = region.trim();
  // "Qui voit, en cas d'élimination…, « … »": a sentence opening with "Qui" goes on about the speaker before
  if (/^Qui\s+\p{Ll}/u.test(opening)) return { speaker: sites.chain(start) };
  for (const phrase of [opening, clause]) {
    if (PRONOUN_SUBJECT.test(phrase)) return { speaker: sites.chain(start) };
    const role = ROLE_SUBJECT.exec(phrase);
    if (role && subjectAt < 0) {
      const person = sites.roles.personWithRole(role[1], start);
      if (person) return { speaker: person };
    }
  }
  return undefined;
}
