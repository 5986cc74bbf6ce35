/**
 * How deep an HTML page nests, found by one linear scan before parsing.
 * The parser under linkedom (htmlparser2) keeps its open elements in an
 * array it shifts at every tag: parsing costs the square of the nesting
 * depth (`<div>` × 40 000 took half a second, and the cost quadruples with
 * each doubling). Real pages nest a few dozen levels; a page deeper than the
 * limit is refused with a reason instead of being parsed.
 */

/** Deeper pages are not read. */
export const MAX_HTML_DEPTH = 512;

/** Elements without content. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'basefont', 'bgsound', 'frame', 'image', 'isindex', 'menuitem']);
/** Elements the parser closes by itself when a sibling opens: left unclosed, they do not nest. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rp', 'rt']);
/** Elements whose content is text up to their closing tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/** The tag name starting at `at`, lowercased, and where it ends. */
function tagName(html: string, at: number): { name: string; end: number } {
  let end = at;
  while (end < html.length && !/[\s/>]/.test(html[end])) end++;
  return { name: html.slice(at, end).toLowerCase(), end };
}

/** True when the page opens more than `limit` elements inside one another. */
export function nestsDeeperThan(html: string, limit = MAX_HTML_DEPTH): boolean {
  const open: string[] = [];
  let at = html.indexOf('<');
  while (at !== -1 && at < html.length) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end === -1) return false;
      at = html.indexOf('<', end + 3);
      continue;
    }
    const next = html[at + 1];
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', at + 2);
      if (end === -1) return false;
      at = html.indexOf('<', end + 1);
      continue;
    }
    if (next === '/' && isLetter(html[at + 2])) {
      const { name, end } = tagName(html, at + 2);
      const k = open.lastIndexOf(name);
      if (k !== -1) open.length = k;
      at = html.indexOf('<', end);
      continue;
    }
    if (!isLetter(next)) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    const { name, end: nameEnd } = tagName(html, at + 1);
    const close = html.indexOf('>', nameEnd);
    if (close === -1) return false;
    at = html.indexOf('<', close + 1);
    if (html[close - 1] === '/' || VOID.has(name) || SELF_CLOSING_SIBLINGS.has(name)) continue;
    if (RAW_TEXT.has(name)) {
      // Its text may hold "<div>" without opening anything: resume after its closing tag.
      const end = indexOfClosing(html, name, close + 1);
      if (end === -1) return false;
      at = html.indexOf('<', end);
      continue;
    }
    open.push(name);
    if (open.length > limit) return true;
  }
  return false;
}

/** Where `</name` (any case) starts after `from`, or -1. */
function indexOfClosing(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
  }
  return -1;
}
