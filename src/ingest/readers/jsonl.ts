import type { GivenMetadata } from '../article.js';
import { givenList, givenString, idFromPath, type RawDocument, type ReaderOutput } from './reader.js';

/**
 * A JSON Lines file holds one article a line: `text` is required; `id`,
 * `title`, `date`, `source`, `url`, `speakers`, `organisations` are
 * optional and win over extraction. The id is the line's `id`, else
 * "path-without-extension:lineNumber". A bad line is reported and left out;
 * the others are kept. Blank lines are ignored.
 */
export function readJsonLines(text: string, relativePath: string): ReaderOutput {
  const stem = idFromPath(relativePath);
  const documents: RawDocument[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const lineNumber = i + 1;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      problems.push(`line ${lineNumber}: invalid JSON`);
      continue;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      problems.push(`line ${lineNumber}: not a JSON object`);
      continue;
    }
    const fields = record as Record<string, unknown>;
    if (typeof fields.text !== 'string' || fields.text.trim() === '') {
      problems.push(`line ${lineNumber}: missing "text"`);
      continue;
    }
    const given: GivenMetadata = {
      title: givenString(fields.title),
      date: givenString(fields.date ?? fields.published ?? fields.datePublished ?? fields.pubDate),
      source: givenString(fields.source),
      url: givenString(fields.url),
      speakers: givenList(fields.speakers),
      organisations: givenList(fields.organisations ?? fields.organizations),
    };
    documents.push({
      id: givenString(fields.id) ?? `${stem}:${lineNumber}`,
      text: fields.text,
      given: Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as GivenMetadata,
    });
  }
  return { documents, problems };
}
