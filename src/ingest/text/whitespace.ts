/** Whitespace normalisation shared by the readers and the chrome cleaner. */

/** No-break, thin and other exotic spaces become plain spaces; zero-width characters go. */
export function normaliseSpaces(s: string): string {
  return s.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Splits text whose spaces are already normalised into lines, each with its spaces collapsed and trimmed. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.includes('  ') ? line.replace(/ {2,}/g, ' ') : line).trim());
}

/** Splits text into lines, each with its spaces collapsed and trimmed. */
export function cleanLines(text: string): string[] {
  return splitLines(normaliseSpaces(text));
}
