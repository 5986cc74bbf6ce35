import { foldKey } from './fold.js';

/** A word of the text with its place, for matchers that work on words rather than characters. */
export interface Token {
  text: string;
  /** Folded form (lowercase, no accents). */
  key: string;
  start: number;
  end: number;
}

/** Letters and digits, with inner hyphens ("Asie-Pacifique", "COVID-19"); apostrophes split ("l'ONU" -> "l", "ONU"). */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push({ text: m[0], key: foldKey(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}
