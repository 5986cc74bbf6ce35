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
  const given = frontMatter ? metadataFrom(frontMatter[1]) : {};
  const body = frontMatter ? text.slice(frontMatter[0].length) : text;
  return { documents: [{ id: idFromPath(relativePath), text: markdownToText(body), given }], problems: [] };
}
