/**
 * Spans of text between quotation marks, found in one pass (linear in the
 * text): « … » (the guillemets of French copy, nesting allowed), “ … ” and
 * straight "…" (paired within a paragraph, as they do not say which side
 * they are on).
 *
 * A quotation spread over several paragraphs repeats « at the start of each
 * paragraph without closing the previous one (French typography): a « that
 * opens a paragraph while a « is still open continues that quotation.
 */

export interface QuoteSpan {
  /** Start and end of the quoted words (inside the marks). */
  start: number;
  end: number;
  /** Where the opening mark stands, and just after the closing mark. */
  open: number;
  close: number;
}

/** How far (characters) a quotation may run before an unclosed mark is given up as a stray one. */
const MAX_QUOTE_LENGTH = 3000;

const NEWLINE = 0x0a;
const OPEN_GUILLEMET = 0xab; // «
const CLOSE_GUILLEMET = 0xbb; // »
const OPEN_CURLY = 0x201c; // “
const CLOSE_CURLY = 0x201d; // ”
const STRAIGHT = 0x22; // "

function atParagraphStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i--;
  return i < 0 || text[i] === '\n';
}

export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  /** Open « (positions), innermost last. */
  const guillemets: number[] = [];
  let curly = -1;
  let straight = -1;
  // character codes, not one-character strings: this loop reads every character of the text
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE && text.charCodeAt(i + 1) === NEWLINE) {
      // a paragraph ends: straight and curly quotes do not run across paragraphs; an open « may continue
      straight = -1;
      curly = -1;
      continue;
    }
    if (guillemets.length > 0 && i - guillemets[0] > MAX_QUOTE_LENGTH) guillemets.length = 0;
    if (c === OPEN_GUILLEMET) {
      if (guillemets.length > 0 && atParagraphStart(text, i)) continue; // the same quotation goes on
      guillemets.push(i);
    } else if (c === CLOSE_GUILLEMET) {
      const open = guillemets.pop();
      if (open !== undefined) spans.push(span(text, open, i));
    } else if (c === OPEN_CURLY) {
      curly = i;
    } else if (c === CLOSE_CURLY) {
      if (curly >= 0) spans.push(span(text, curly, i));
      curly = -1;
    } else if (c === STRAIGHT) {
      if (straight >= 0) {
        spans.push(span(text, straight, i));
        straight = -1;
      } else straight = i;
    }
  }
  return spans.sort((a, b) => a.open - b.open);
}

/** The quoted words between `open` and the closing mark at `closeMark`, their spaces trimmed. */
function span(text: string, open: number, closeMark: number): QuoteSpan {
  let start = open + 1;
  let end = closeMark;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end, open, close: closeMark + 1 };
}
