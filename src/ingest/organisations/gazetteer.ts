import data from './organisations.json' with { type: 'json' };
import { PhraseMatcher } from '../text/phrase-matcher.js';

/** The curated organisations of organisations.json, compiled once. */

interface Entry {
  name: string;
  kind?: string;
  aliases: string[];
}

const entries = data.organisations as Entry[];

/** Every alias and canonical name -> canonical name. */
export const organisationMatcher = new PhraseMatcher(
  entries.flatMap((entry) => [entry.name, ...entry.aliases].map((phrase) => ({ phrase, value: entry.name }))),
);

const MEDIA = new Set(entries.filter((entry) => entry.kind === 'media').map((entry) => entry.name));

const SEATS = new Set(entries.filter((entry) => entry.kind === 'seat').map((entry) => entry.name));

/** Whether a canonical name is a building standing for an institution ("Élysée", "Kremlin"). */
export function isSeat(name: string): boolean {
  return SEATS.has(name);
}

/** Whether a canonical name is a publisher or a press agency. */
export function isMedia(name: string): boolean {
  return MEDIA.has(name);
}

/** Publishers and press agencies only: alias -> canonical name ("Agence France-Presse" -> "AFP"). */
export const mediaMatcher = new PhraseMatcher(
  entries
    .filter((entry) => MEDIA.has(entry.name))
    .flatMap((entry) => [entry.name, ...entry.aliases].map((phrase) => ({ phrase, value: entry.name }))),
);

/** Media titles without their leading article, to be read after "du", "au": "Le Figaro" -> "Figaro" ("au Figaro"). */
export const mediaTailMatcher = new PhraseMatcher(
  entries
    .filter((entry) => MEDIA.has(entry.name))
    .flatMap((entry) => [entry.name, ...entry.aliases].filter((phrase) => /^(?:Le|Les) \S/u.test(phrase)).map((phrase) => ({ phrase: phrase.replace(/^\S+ /u, ''), value: entry.name }))),
);

/** Institution words too generic to take a capitalised word after them as their name ("le Centre Beaubourg", "le Bureau Ovale"). */
export const GENERIC_HEADS = new Set(data.institutionHeads.generic);

/** All-capital words that are not organisations ("AE", "COVID"). */
export const NOT_ORGANISATION_WORDS = new Set(data.notOrganisations.words);

/** Capitalised words that open an organisation's name ("Organisation", "Conseil"…). */
export const INSTITUTION_HEADS = new Set(data.institutionHeads.words);

/** Lowercase words that open a name when a capitalised complement follows ("ministère de l'Intérieur", "parquet de Paris"). */
export const LOWERCASE_HEADS = new Set(data.institutionHeads.lowercase);

/** Folded heads shown in lowercase whatever the text's case, as French typography writes them ("ministère de l'Intérieur"). */
export const LOWERCASE_DISPLAY_HEADS = new Set(data.institutionHeads.shownLowercase);

/** Capitalised words that may stand before an institution word and belong to the name ("Haut Conseil", "Haute Autorité"). */
export const NAME_PREFIXES = new Set(data.institutionHeads.prefixes);

/** Canonical name of a known organisation given by any of its names, whatever its case; else null. */
export function canonicalOrganisation(name: string): string | null {
  return organisationMatcher.lookup(name);
}
