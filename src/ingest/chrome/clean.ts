import { isDateOnlyLine } from '../dates/date-mentions.js';
import { restoreBreaks } from '../text/glued-sentences.js';
import { normaliseSpaces, splitLines } from '../text/whitespace.js';
import { removeInlineChrome } from './inline-chrome.js';
import {
  AUTHOR_BYLINE,
  BREADCRUMB_LINE,
  CHROME_FRAGMENTS,
  CHROME_LINE_PREFIXES,
  CHROME_LINES,
  EDITOR_BYLINE,
  MAX_PREFIX_RULE_LINE,
  TAIL_MARKERS,
} from './chrome-patterns.js';

/** An article's text split into what is content and what was furniture. */
export interface CleanedDocument {
  /** Body paragraphs, chrome removed, in order. */
  paragraphs: string[];
  /** Lines that held only a date (and maybe a source before a bar), with their position among the non-empty lines. */
  dateLines: { line: string; position: number }[];
  /** Names found in editors' bylines: never speakers. */
  editorNames: string[];
  /** Dates stated by page furniture inside the text ("Créé: 21.12.2018, 09h59"). */
  furnitureDates: string[];
  /** Dates of embedded posts (YYYY-MM-DD), from their signatures. */
  postDates: string[];
}

const whole = (sources: string[]) => new RegExp(`^(?:${sources.join('|')})$`, 'iu');
/**
 * The whole-line rules, in three expressions: a line is chrome when one of
 * them matches. Two rules scan the whole line from every position (a
 * footer ending in "tous droits réservés", a breadcrumb), and most lines
 * are paragraphs: they are tried only on a line that holds their
 * characters ("droit" in any case, a chevron), so the answer is the same.
 */
const RIGHTS_RESERVED = CHROME_LINES.filter((source) => source.includes('tous droits réservés'));
const CHROME_LINE_RE = whole(CHROME_LINES.filter((source) => !RIGHTS_RESERVED.includes(source)));
const RIGHTS_RESERVED_LINE_RE = whole(RIGHTS_RESERVED);
const BREADCRUMB_LINE_RE = whole([BREADCRUMB_LINE]);
/** The end a rights line must have, tested on the line's last nine code units. */
const RIGHTS_RESERVED_END = /réservés\.?$/iu;
const CHROME_PREFIX_RE = new RegExp(`^(?:${CHROME_LINE_PREFIXES.join('|')})`, 'iu');
const CHROME_FRAGMENT_RE = new RegExp(CHROME_FRAGMENTS.join('|'), 'giu');
const TAIL_MARKER_RE = whole(TAIL_MARKERS);
const EDITOR_BYLINE_RE = new RegExp(EDITOR_BYLINE, 'giu');
const AUTHOR_BYLINE_RE = new RegExp(AUTHOR_BYLINE, 'u');
const AUTHOR_LINE_MAX = 120;
const LEADING_BULLETS = /^[•·▪►▸*\-–—]+\s*/u;
const ENDS_SENTENCE_OR_BLOCK = /[.!?:;»"”…)\]]$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;

function isChromeLine(line: string): boolean {
  if (CHROME_LINE_RE.test(line)) return true;
  if ((line.includes('>') || line.includes('›')) && BREADCRUMB_LINE_RE.test(line)) return true;
  if (RIGHTS_RESERVED_END.test(line.slice(-9)) && RIGHTS_RESERVED_LINE_RE.test(line)) return true;
  return line.length <= MAX_PREFIX_RULE_LINE && CHROME_PREFIX_RE.test(line);
}

function splitNames(names: string, into: string[]): void {
  for (const name of names.split(/[,;/&]|\bet\b/)) {
    const trimmed = name.trim();
    if (trimmed) into.push(trimmed);
  }
}

/** "Par Jean Dupont, à Kiev": the line is chrome and its names are authors, never speakers. */
function authorLine(line: string, into: string[]): boolean {
  if (line.length > AUTHOR_LINE_MAX) return false;
  const m = AUTHOR_BYLINE_RE.exec(line);
  if (!m) return false;
  splitNames(m[1], into);
  return true;
}

function collectEditorNames(line: string, into: string[]): void {
  if (!line.includes('(')) return;
  for (const m of line.matchAll(EDITOR_BYLINE_RE)) splitNames(m[1], into);
}

/**
 * Splits text into content paragraphs and furniture. Paragraphs are the
 * non-empty lines, except that a line not ending a sentence followed by a
 * line starting in lowercase is one hard-wrapped paragraph.
 */
export function cleanDocument(text: string): CleanedDocument {
  const inline = removeInlineChrome(normaliseSpaces(text));
  const lines = splitLines(restoreBreaks(inline.text));
  const nonEmpty = lines.filter((line) => line !== '');
  const totalChars = nonEmpty.reduce((n, line) => n + line.length, 0);

  // A paragraph is built from pieces joined at the end: appending to a string and testing its end would copy it each time.
  const pieces: string[][] = [];
  let lastEndsSentence = true;
  const dateLines: CleanedDocument['dateLines'] = [];
  const editorNames: string[] = [];
  let charsSeen = 0;
  let previousWasBody = false;

  for (let position = 0; position < nonEmpty.length; position++) {
    const raw = nonEmpty[position];
    charsSeen += raw.length;
    const line = raw.replace(LEADING_BULLETS, '');
    // Patterns are written with straight apostrophes; the text keeps its own.
    const probe = line.replace(/[’‘]/g, "'");
    collectEditorNames(line, editorNames);

    if (charsSeen > totalChars / 2 && TAIL_MARKER_RE.test(probe)) break;
    if (isDateOnlyLine(probe)) {
      dateLines.push({ line, position });
      previousWasBody = false;
      continue;
    }
    if (isChromeLine(probe) || authorLine(line, editorNames)) {
      previousWasBody = false;
      continue;
    }
    const body = line.includes('(') || /droits|publiée|obligatoires/i.test(line) ? line.replace(CHROME_FRAGMENT_RE, '').replace(/ {2,}/g, ' ').trim() : line;
    if (body === '') continue;

    if (previousWasBody && pieces.length > 0 && !lastEndsSentence && STARTS_LOWERCASE.test(body)) {
      pieces[pieces.length - 1].push(body);
    } else {
      pieces.push([body]);
    }
    lastEndsSentence = ENDS_SENTENCE_OR_BLOCK.test(body.slice(-1));
    previousWasBody = true;
  }
  const paragraphs = pieces.map((parts) => parts.join(' '));
  return { paragraphs, dateLines, editorNames, furnitureDates: inline.furnitureDates, postDates: inline.postDates };
}

/** Text with web chrome removed, paragraphs separated by a blank line. */
export function cleanChrome(text: string): string {
  return cleanDocument(text).paragraphs.join('\n\n');
}
