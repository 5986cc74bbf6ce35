import { parse as parseYaml } from 'yaml';
import type { GivenMetadata } from '../article.js';
import { stripInline } from './markdown-inline.js';
import { givenList, givenString, idFromPath, type ReaderOutput } from './reader.js';

/**
 * A Markdown file is one article: optional YAML front matter (title, date,
 * source, url, speakers, organisations win over extraction) and a body whose
 * Markdown syntax is removed, one block (paragraph, heading, list item) per
 * paragraph.
 */

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Front matter the YAML parser is not given: larger than a header can be
 * (its cost grows faster than its size), or nested deeper than one ever is.
 * The parser recurses on nesting, and near the end of the stack V8 can fail
 * for good: a regular expression compiled there is a fatal out-of-memory
 * error that ends the process, not an exception one could catch.
 */
const MAX_FRONT_MATTER_CHARS = 64 * 1024;
const MAX_FRONT_MATTER_DEPTH = 32;
/** Leading spaces and block markers ("- ", "? ", ": ") of a line, each a possible level. */
const MAX_FRONT_MATTER_INDENT = 128;

/** Why a front matter is not parsed, or null. */
function frontMatterRefusal(frontMatter: string): string | null {
  if (frontMatter.length > MAX_FRONT_MATTER_CHARS) return `front matter larger than ${MAX_FRONT_MATTER_CHARS / 1024} kB: ignored`;
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < frontMatter.length; i++) {
    const c = frontMatter[i];
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart && (c === ' ' || c === '\t' || c === '-' || c === '?' || c === ':')) {
      if (++indent > MAX_FRONT_MATTER_INDENT) return 'front matter nested too deeply: ignored';
      continue;
    }
    lineStart = false;
    if (c === '[' || c === '{') {
      if (++flow > MAX_FRONT_MATTER_DEPTH) return 'front matter nested too deeply: ignored';
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return null;
}

function metadataFrom(frontMatter: string): GivenMetadata {
  let data: unknown;
  try {
    data = parseYaml(frontMatter);
  } catch {
    return {}; // a broken header does not make the article unreadable
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const fields = data as Record<string, unknown>;
  const dateValue = fields.date ?? fields.published ?? fields.datePublished;
  const given: GivenMetadata = {
    title: givenString(fields.title),
    date: dateValue instanceof Date ? dateValue.toISOString().slice(0, 10) : givenString(dateValue),
    source: givenString(fields.source ?? fields.publisher),
    url: givenString(fields.url ?? fields.canonical ?? fields.link),
    speakers: givenList(fields.speakers),
    organisations: givenList(fields.organisations ?? fields.organizations),
  };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as GivenMetadata;
}

/** "---", "* * *", "___": three or more of one marker, spaces between allowed. */
function isThematicBreak(line: string): boolean {
  const marker = line[0];
  if (marker !== '-' && marker !== '*' && marker !== '_') return false;
  let count = 0;
  for (const c of line) {
    if (c === marker) count++;
    else if (!/\s/.test(c)) return false;
  }
  return count >= 3;
}

/** "====" under a heading. */
function isSetextUnderline(line: string): boolean {
  for (const c of line) if (c !== '=') return false;
  return line.length > 0;
}

/** The text of an ATX heading ("## Titre ##" -> "Titre"), or null. Scanned by hand: `^#{1,6}\s+(.*?)\s*#*$` backtracks on long runs of spaces. */
function headingText(line: string): string | null {
  let level = 0;
  while (level < line.length && line[level] === '#') level++;
  if (level < 1 || level > 6 || !/\s/.test(line[level] ?? '')) return null;
  let end = line.length;
  while (end > level && line[end - 1] === '#') end--;
  while (end > level && /\s/.test(line[end - 1])) end--;
  return line.slice(level, end).trim();
}

/** "> > texte" -> "texte". By hand: `^(?:>\s?)+` overflows the regular expression stack on a long run of "> ". */
function withoutQuoteMarkers(line: string): string {
  let at = 0;
  while (line[at] === '>') {
    at++;
    if (/\s/.test(line[at] ?? '')) at++;
  }
  return at === 0 ? line : line.slice(at);
}

/** Markdown to plain text: one block a paragraph, blocks separated by a blank line. */
export function markdownToText(markdown: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push(paragraph.join(' '));
    paragraph = [];
  };
  let inFence = false;
  for (const rawLine of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(rawLine)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (rawLine.trim()) blocks.push(rawLine.trim());
      continue;
    }
    const line = rawLine.trim();
    if (line === '' || isThematicBreak(line) || isSetextUnderline(line) || /^\[[^\]]+\]:\s*\S/.test(line) || /^\|?\s*:?-{3,}/.test(line)) {
      flush();
      continue;
    }
    const heading = headingText(line);
    const listItem = heading === null ? /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line) : null;
    if (heading !== null || listItem) {
      flush();
      blocks.push(stripInline(heading ?? listItem![1]));
      continue;
    }
    const unquoted = withoutQuoteMarkers(line).replace(/\|/g, ' ').trim();
    if (unquoted) paragraph.push(stripInline(unquoted));
  }
  flush();
  return blocks.filter((b) => b.trim() !== '').join('\n\n');
}

export function readMarkdown(text: string, relativePath: string): ReaderOutput {
  const frontMatter = FRONT_MATTER.exec(text);
  const refusal = frontMatter ? frontMatterRefusal(frontMatter[1]) : null;
  const given = frontMatter && !refusal ? metadataFrom(frontMatter[1]) : {};
  const body = frontMatter ? text.slice(frontMatter[0].length) : text;
  return { documents: [{ id: idFromPath(relativePath), text: markdownToText(body), given }], problems: refusal ? [refusal] : [] };
}
