import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temp folder for one test file; `dispose` removes it. */
export function tempFolder(prefix: string): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `depeches-${prefix}-`));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files (relative path -> text or bytes) under `dir`, making folders as needed. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** A short real-looking French article, so that a corpus always has one good file. */
export const GOOD_TEXT = 'Le ministre de l’Économie a présenté mardi à Paris un projet de loi sur la réforme des retraites.\n\nLe texte sera examiné par le Sénat en janvier.\n';
