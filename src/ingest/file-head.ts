import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { SkippedFile } from './types.js';

/**
 * The per-file size limit: a file larger than it is read up to the limit,
 * cut back to its last line break, and reported. A corpus of articles has
 * no 20 MB article; a file that large is an export or an accident, and
 * reading it whole would hold the run and its memory.
 */

/** How much of a file is read. */
export interface ReadLimits {
  /** Bytes read from a file at most: a larger file is read up to the last line break before this size, and reported (default 20 MiB). */
  maxFileBytes?: number;
  /** Called after each article of the file is extracted: a file of many articles (JSON Lines) shows it is progressing, so that a time budget can apply per article. */
  onArticle?: () => void;
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export function cutNotice(relativePath: string, size: number, max: number): SkippedFile {
  return { path: relativePath, reason: `file larger than the ${formatBytes(max)} limit (${formatBytes(size)}): only its first ${formatBytes(max)} are read, up to the last line break` };
}

function formatBytes(bytes: number): string {
  return bytes >= 1048576 ? `${+(bytes / 1048576).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} kB` : `${bytes} bytes`;
}

/** The first `count` bytes of a file (all of it when it is smaller). */
export function readHeadSync(file: string, size: number, count: number): Buffer {
  if (count >= size) return readFileSync(file);
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(count);
    let at = 0;
    while (at < count) {
      const n = readSync(fd, bytes, at, count - at, at);
      if (n === 0) break;
      at += n;
    }
    return bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

export async function readHead(file: string, size: number, count: number): Promise<Buffer> {
  if (count >= size) return readFile(file);
  const handle = await open(file, 'r');
  try {
    const bytes = Buffer.alloc(count);
    let at = 0;
    while (at < count) {
      const { bytesRead } = await handle.read(bytes, at, count - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

/** A text cut at a byte limit, back to its last paragraph break (else line break) in the last quarter, so that no line is read in part. */
export function cutAtLineBreak(text: string): string {
  const floor = Math.floor(text.length * 0.75);
  const paragraph = text.lastIndexOf('\n\n');
  if (paragraph >= floor) return text.slice(0, paragraph);
  const line = text.lastIndexOf('\n');
  return line > 0 ? text.slice(0, line) : text;
}

