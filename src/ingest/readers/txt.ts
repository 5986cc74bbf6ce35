import { idFromPath, type ReaderOutput } from './reader.js';

/** A plain text file is one article. */
export function readText(text: string, relativePath: string): ReaderOutput {
  return { documents: [{ id: idFromPath(relativePath), text }], problems: [] };
}
