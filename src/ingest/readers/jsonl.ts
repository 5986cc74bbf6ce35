import type { GivenMetadata } from '../article.js';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth.js';
import { givenList, givenString, idFromPath, type RawDocument, type ReaderOutput } from './reader.js';

/**
 * A JSON Lines file holds one article a line: `text` is required; `id`,
 * `title`, `date`, `source`, `url`, `speakers`, `organisations` are
 * optional and win over extraction. The id is the line's `id`, else
 * "path-without-extension:lineNumber". A given id must be a valid id
 * (`isValidGivenId`): an invalid one is reported and the line gets the
 * default id. A bad line is reported and left out; the others are kept.
 * Blank lines are ignored. (An id used twice is made unique when the corpus
 * is assembled, see `assembleCorpus`.)
 */
/** Characters and length of an id given on a line: it goes into URLs and must never look like a path out of anywhere. */
const GIVEN_ID = /^[A-Za-z0-9_.:/-]{1,200}$/;
export const GIVEN_ID_RULE = 'letters A-Z a-z, digits and _ . : / - only, at most 200 characters, no empty, "." or ".." part between slashes';

/** True when an id given in a JSON Lines record is valid: see GIVEN_ID_RULE. */
export function isValidGivenId(id: string): boolean {
  return GIVEN_ID.test(id) && id.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export function readJsonLines(text: string, relativePath: string): ReaderOutput {
  const stem = idFromPath(relativePath);
  const documents: RawDocument[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const lineNumber = i + 1;
    if (jsonNestsDeeperThan(line)) {
      problems.push(`line ${lineNumber}: JSON nested more than ${MAX_JSON_DEPTH} levels deep`);
      continue;
    }
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
    const givenId = givenString(fields.id);
    const defaultId = `${stem}:${lineNumber}`;
    if (givenId !== undefined && !isValidGivenId(givenId)) problems.push(`line ${lineNumber}: invalid id ${JSON.stringify(givenId.length > 60 ? `${givenId.slice(0, 60)}…` : givenId)} (${GIVEN_ID_RULE}): indexed as ${defaultId}`);
    documents.push({
      id: givenId !== undefined && isValidGivenId(givenId) ? givenId : defaultId,
      text: fields.text,
      given: Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as GivenMetadata,
    });
  }
  return { documents, problems };
}
