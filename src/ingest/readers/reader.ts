import type { GivenMetadata } from '../article.js';

/** One article as a reader finds it in a file, before cleaning and extraction. */
export interface RawDocument {
  id: string;
  text: string;
  given?: GivenMetadata;
}

/** What a reader makes of one decoded file: its documents, and one line per part it had to leave out. */
export interface ReaderOutput {
  documents: RawDocument[];
  /** "line 3: invalid JSON" */
  problems: string[];
}

/** The document id of a file: its path relative to the corpus root, without extension, with '/' separators. */
export function idFromPath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/\.[^./]*$/, '');
}

/** A list of names given as metadata: an array of strings, or one string of comma-separated names. */
export function givenList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    const names = value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
    return names.length > 0 ? names : undefined;
  }
  if (typeof value === 'string' && value.trim() !== '') return value.split(/[,;]/).map((v) => v.trim()).filter(Boolean);
  return undefined;
}

/** A string given as metadata, or undefined. */
export function givenString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}
