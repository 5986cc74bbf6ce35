/**
 * Markdown inline syntax removed in time linear in the line's length,
 * whatever the line holds. Regular expressions such as `\*\*(.+?)\*\*` or
 * `\[([^\]]+)\]\(` backtrack: on a line of "**a " or "[" repeated they take
 * quadratic time (a 100 kB line took tens of seconds). Each pass below scans
 * left to right and finds closing delimiters with `Forward`, whose searches
 * only move forward, so a pass reads each character a bounded number of
 * times. The passes and their order are those of the former expressions:
 * images, links, reference links, autolinks, HTML tags, code, strong,
 * emphasis, strike-through, escapes, trailing spaces.
 */

/**
 * The next position at or after `from` where `test` holds, for queries
 * whose `from` never decreases: a search resumes where the last one
 * stopped, so all the queries of a pass cost one scan of the line.
 */
class Forward {
  private from = -1;
  /** No position of [from, found) passes the test; -1: none of [from, end) does. */
  private found = -1;

  constructor(
    private readonly line: string,
    private readonly test: (line: string, at: number) => boolean,
  ) {}

  next(from: number): number {
    if (this.from !== -1 && from >= this.from && (this.found === -1 || from <= this.found)) return this.found;
    let at = from;
    while (at < this.line.length && !this.test(this.line, at)) at++;
    this.from = from;
    this.found = at < this.line.length ? at : -1;
    return this.found;
  }
}

const charIs = (c: string) => (line: string, at: number) => line[at] === c;
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** One pass: at each `opener` position, `match` says where a construct ends and what replaces it, or null. */
function pass(line: string, opener: string, match: (at: number) => { end: number; text: string } | null | 'none-after'): string {
  let out = '';
  let copied = 0;
  for (let at = line.indexOf(opener); at !== -1; at = line.indexOf(opener, at)) {
    const found = match(at);
    if (found === 'none-after') break;
    if (found === null) {
      at += 1;
      continue;
    }
    out += line.slice(copied, at) + found.text;
    copied = found.end;
    at = found.end;
  }
  return copied === 0 ? line : out + line.slice(copied);
}

/** `![alt](url)` -> alt; `[text](url)` -> text; `[text][ref]` -> text. */
function links(line: string, image: boolean, reference: boolean): string {
  const closeBracket = new Forward(line, charIs(']'));
  const closeParen = new Forward(line, charIs(')'));
  const opener = image ? '![' : '[';
  const textStart = opener.length;
  return pass(line, opener, (at) => {
    const close = closeBracket.next(at + textStart);
    if (close === -1) return 'none-after';
    if (!image && close === at + textStart) return null; // link text needs a character
    const after = line[close + 1];
    if (!reference && after === '(') {
      const end = closeParen.next(close + 2);
      if (end === -1) return null;
      return { end: end + 1, text: line.slice(at + textStart, close) };
    }
    if (reference && after === '[') {
      const end = closeBracket.next(close + 2);
      if (end === -1) return null;
      return { end: end + 1, text: line.slice(at + textStart, close) };
    }
    return null;
  });
}

/** `<https://…>` -> the address. */
function autolinks(line: string): string {
  const stop = new Forward(line, (l, at) => l[at] === '>' || isSpace(l[at]));
  return pass(line, '<', (at) => {
    const scheme = line.startsWith('https://', at + 1) ? 8 : line.startsWith('http://', at + 1) ? 7 : 0;
    if (scheme === 0) return null;
    const end = stop.next(at + 1 + scheme);
    if (end === -1) return null;
    if (line[end] !== '>' || end === at + 1 + scheme) return null;
    return { end: end + 1, text: line.slice(at + 1, end) };
  });
}

/** `<tag …>` and `</tag>` removed. */
function tags(line: string): string {
  const close = new Forward(line, charIs('>'));
  return pass(line, '<', (at) => {
    const nameAt = line[at + 1] === '/' ? at + 2 : at + 1;
    if (!/[a-zA-Z]/.test(line[nameAt] ?? '')) return null;
    const end = close.next(nameAt + 1);
    if (end === -1) return 'none-after';
    return { end: end + 1, text: '' };
  });
}

/** `` `code` `` -> code. */
function code(line: string): string {
  const close = new Forward(line, charIs('`'));
  return pass(line, '`', (at) => {
    const end = close.next(at + 1);
    if (end === -1) return 'none-after';
    if (end === at + 1) return null;
    return { end: end + 1, text: line.slice(at + 1, end) };
  });
}

/** `**x**` and `__x__` -> x, x starting and ending with a non-space. */
function strong(line: string): string {
  const closers = {
    '*': new Forward(line, (l, at) => l[at] === '*' && l[at + 1] === '*' && !isSpace(l[at - 1])),
    _: new Forward(line, (l, at) => l[at] === '_' && l[at + 1] === '_' && !isSpace(l[at - 1])),
  };
  let out = '';
  let copied = 0;
  for (let at = 0; at < line.length - 1; at++) {
    const c = line[at];
    if ((c !== '*' && c !== '_') || line[at + 1] !== c || isSpace(line[at + 2]) || at + 2 >= line.length) continue;
    const end = closers[c].next(at + 3);
    if (end === -1) continue;
    out += line.slice(copied, at) + line.slice(at + 2, end);
    copied = end + 2;
    at = end + 1;
  }
  return copied === 0 ? line : out + line.slice(copied);
}

/** `*x*` and `_x_` -> x, the markers not touching a letter, a digit or another marker. */
function emphasis(line: string, marker: '*' | '_'): string {
  const outside = (c: string | undefined) => c === undefined || !(isWordChar(c) || c === marker);
  const close = new Forward(line, (l, at) => l[at] === marker && !isSpace(l[at - 1]) && outside(l[at + 1]));
  return pass(line, marker, (at) => {
    if (!outside(line[at - 1]) || line[at + 1] === undefined || isSpace(line[at + 1])) return null;
    const end = close.next(at + 2);
    if (end === -1) return 'none-after';
    return { end: end + 1, text: line.slice(at + 1, end) };
  });
}

/** `~~x~~` -> x. */
function strikethrough(line: string): string {
  const close = new Forward(line, (l, at) => l[at] === '~' && l[at + 1] === '~');
  return pass(line, '~~', (at) => {
    const end = close.next(at + 3);
    if (end === -1) return 'none-after';
    return { end: end + 2, text: line.slice(at + 2, end) };
  });
}

const ESCAPABLE = new Set('\\`*_{}[]()#+-.!>|');

/** `\*` -> `*`. */
function escapes(line: string): string {
  return pass(line, '\\', (at) => (ESCAPABLE.has(line[at + 1] ?? '') ? { end: at + 2, text: line[at + 1] } : null));
}

/** Two spaces or more at the end of a line (a Markdown line break) removed. */
function trailingBreak(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ') end--;
  return line.length - end >= 2 ? line.slice(0, end) : line;
}

/** Inline syntax removed: images, links, emphasis, code, HTML tags, escapes. */
export function stripInline(line: string): string {
  let text = links(line, true, false);
  text = links(text, false, false);
  text = links(text, false, true);
  text = autolinks(text);
  text = tags(text);
  text = code(text);
  text = strong(text);
  text = emphasis(text, '*');
  text = emphasis(text, '_');
  text = strikethrough(text);
  text = escapes(text);
  return trailingBreak(text);
}
