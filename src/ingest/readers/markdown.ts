import { parse as parseYaml } from 'yaml';
import type { GivenMetadata } from '../article.js';
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

/** Inline syntax: images, links, emphasis, code, HTML tags, escapes. */
function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, '$1')
    .replace(/ {2,}$/, '');
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
    if (line === '' || /^([-*_])(\s*\1){2,}$/.test(line) || /^=+$/.test(line) || /^\[[^\]]+\]:\s*\S+/.test(line) || /^\|?\s*:?-{3,}/.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    const listItem = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (heading || listItem) {
      flush();
      blocks.push(stripInline((heading ?? listItem)![1]));
      continue;
    }
    const unquoted = line.replace(/^(?:>\s?)+/, '').replace(/\|/g, ' ').trim();
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
