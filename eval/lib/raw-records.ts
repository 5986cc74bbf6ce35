/**
 * The corpus as the files hold it, record by record, under the product's
 * ids (`<file stem>:<1-based line>` for JSON Lines, the path without its
 * extension for other files), to compare the raw text with what ingest kept.
 * Read here independently of src/ingest on purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface RawRecord {
  id: string;
  /** The record's text as the source gives it (JSON Lines `text`, or the whole file). */
  text: string;
  url: string | null;
  /** File path relative to the corpus root. */
  path: string;
}

const ARTICLE_FILES = /\.(txt|md|markdown|html?|jsonl)$/i;

export function readRawRecords(root: string): RawRecord[] {
  const records: RawRecord[] = [];
  const files = (readdirSync(root, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => ARTICLE_FILES.test(f) && !f.split('/').some((part) => part.startsWith('.')))
    .sort();
  for (const file of files) {
    const content = readFileSync(path.join(root, file), 'utf8');
    const stem = file.replace(/\.[^./]+$/, '');
    if (!file.endsWith('.jsonl')) {
      records.push({ id: stem, text: content, url: null, path: file });
      continue;
    }
    content.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const record = JSON.parse(line) as Record<string, unknown>;
        const text = typeof record.text === 'string' ? record.text : '';
        const id = typeof record.id === 'string' ? record.id : `${stem}:${i + 1}`;
        records.push({ id, text, url: typeof record.url === 'string' ? record.url : null, path: file });
      } catch {
        // A bad line is the ingest's to report; it has no text to probe.
      }
    });
  }
  return records;
}

/** The publisher of a record as its file names it ("le-matin.jsonl" -> "le-matin"). */
export function fileStem(relativePath: string): string {
  return relativePath.split('/').pop()!.replace(/\.[^.]+$/, '');
}
