import { countryOf } from '../lexicon/places.js';
import { foldKey } from '../text/fold.js';

/**
 * Role phrases ("le ministre russe des Affaires étrangères", "le chef de la
 * diplomatie chinoise", "conseiller d'Etat et ministre des Affaires
 * étrangères de Chine") reduced to comparable features, so that "a affirmé
 * le ministre russe" can be resolved to the one Russian minister the text
 * names.
 */

export interface RoleFeatures {
  /** Role heads: "ministre", "premier ministre", "president"… (folded). */
  heads: Set<string>;
  /** Ministry, folded ("affaires etrangeres"), when said. */
  portfolio: string | null;
  /** ISO code of the country, when said ("russe", "de Chine"). */
  country: string | null;
}

/** Multi-word heads first: "premier ministre" is not "ministre". Each maps to its head and an implied portfolio. */
const HEADS: [RegExp, string, string | null][] = [
  [/\bchef de la diplomatie\b/, 'ministre', 'affaires etrangeres'],
  [/\bchef de l'etat\b/, 'president', null],
  [/\bchef du gouvernement\b/, 'premier ministre', null],
  [/\bvice-premier ministre\b/, 'vice-premier ministre', null],
  [/\bpremier ministre\b/, 'premier ministre', null],
  [/\bpremiere ministre\b/, 'premier ministre', null],
  [/\bsecretaire general\b|\bsecretaire generale\b/, 'secretaire general', null],
  [/\bsecretaire d'etat\b/, "secretaire d'etat", null],
  [/\bconseiller d'etat\b|\bconseillere d'etat\b/, "conseiller d'etat", null],
  [/\bvice-president(?:e)?\b/, 'vice-president', null],
  [/(?<![-\p{L}])ministre\b/u, 'ministre', null],
  [/(?<![-\p{L}])president(?:e)?\b/u, 'president', null],
  [/\bporte-parole\b/, 'porte-parole', null],
  [/\bambassadeur\b|\bambassadrice\b/, 'ambassadeur', null],
  [/\bchancelier(?:e)?\b/, 'chancelier', null],
  [/\b(?:roi|reine)\b/, 'monarque', null],
  [/\bdirecteur\b|\bdirectrice\b/, 'directeur', null],
  [/\bcommissaire\b/, 'commissaire', null],
  [/\bgouverneur\b/, 'gouverneur', null],
  [/\bmaire\b/, 'maire', null],
];

/** Ministries as written after "ministre" (folded), and what they are called. */
const PORTFOLIOS: [RegExp, string][] = [
  [/\baffaires etrangeres\b|\bdes ae\b|\bdiplomatie\b|\brelations exterieures\b|\beurope et des affaires etrangeres\b/, 'affaires etrangeres'],
  [/\bdefense\b|\barmees\b/, 'defense'],
  [/\binterieur\b/, 'interieur'],
  [/\bfinances\b|\beconomie\b|\bbudget\b/, 'finances'],
  [/\bcommerce\b/, 'commerce'],
  [/\bsante\b/, 'sante'],
  [/\bjustice\b/, 'justice'],
  [/\beducation\b/, 'education'],
  [/\benergie\b/, 'energie'],
  [/\bagriculture\b/, 'agriculture'],
];

/** Words that cannot be inside a role phrase: a verb or preposition means the phrase is a clause, not a title. */
const NOT_IN_ROLE = new Set(['a', 'ont', 'est', 'sont', 'avait', 'etait', 'avec', 'par', 'sur', 'dans', 'que', 'qui', 'un', 'une', 'eu', 'pour', 'a-t-il', 'selon', 'entre']);

/** The features of a role phrase, or null when it names no role. */
export function parseRole(phrase: string): RoleFeatures | null {
  const folded = ` ${foldKey(phrase).replace(/[’]/g, "'")} `;
  const heads = new Set<string>();
  let portfolio: string | null = null;
  for (const [pattern, head, implied] of HEADS) {
    if (!pattern.test(folded)) continue;
    if (head === 'ministre' && heads.has('premier ministre') && !/(?<!premier |premiere )ministre/.test(folded)) continue;
    if (head === 'president' && heads.has('vice-president') && !/(?<!vice-)president/.test(folded)) continue;
    heads.add(head);
    portfolio ??= implied;
  }
  if (heads.size === 0) return null;
  if (heads.has('ministre') || heads.has("secretaire d'etat")) {
    for (const [pattern, name] of PORTFOLIOS) {
      if (pattern.test(folded)) {
        portfolio = name;
        break;
      }
    }
  }
  let country: string | null = null;
  for (const word of phrase.split(/[\s,'’]+/)) {
    const code = word.length > 2 ? countryOf(word) : null;
    if (code) {
      country = code;
      break;
    }
  }
  return { heads, portfolio, country };
}

/** True when the phrase is only a role (no clause): usable as a title next to a name. */
export function isRolePhrase(phrase: string): boolean {
  const words = foldKey(phrase).split(/[\s,]+/).filter(Boolean);
  return words.length <= 14 && !words.some((w) => NOT_IN_ROLE.has(w)) && parseRole(phrase) !== null;
}

/** Everything a text says about one person's roles. */
export interface PersonRoles {
  heads: Set<string>;
  portfolios: Set<string>;
  countries: Set<string>;
}

export function addRole(into: PersonRoles, role: RoleFeatures): void {
  for (const head of role.heads) into.heads.add(head);
  if (role.portfolio) into.portfolios.add(role.portfolio);
  if (role.country) into.countries.add(role.country);
}

/** Whether a person with these roles may be the one a role phrase designates. */
export function roleFits(query: RoleFeatures, person: PersonRoles): boolean {
  if (![...query.heads].some((head) => person.heads.has(head))) return false;
  if (query.country && person.countries.size > 0 && !person.countries.has(query.country)) return false;
  if (query.country && person.countries.size === 0) return false;
  if (query.portfolio && person.portfolios.size > 0 && !person.portfolios.has(query.portfolio)) return false;
  return true;
}
