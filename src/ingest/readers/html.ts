import { parseHTML } from 'linkedom';
import type { GivenMetadata } from '../article.js';
import { MAX_HTML_DEPTH, nestsDeeperThan } from './html-depth.js';
import { jsonNestsDeeperThan } from './json-depth.js';
import { idFromPath, type ReaderOutput } from './reader.js';

/**
 * An HTML page is one article: the article, not the page. Its text comes
 * from <article> (else <main>, else <body>) without navigation, asides,
 * headers, footers, scripts, styles, forms and share/comment widgets; its
 * metadata from the markup: <h1> (else <title> without its " | Site"
 * tail), article:published_time / JSON-LD datePublished / <time datetime>,
 * the canonical link and og:site_name.
 */

/** Elements that are never article text. */
const REMOVED =
  'script, style, noscript, template, nav, aside, header, footer, form, iframe, svg, button, select, input, textarea, ' +
  '[role="navigation"], [role="complementary"], [role="banner"], [role="contentinfo"], [role="search"], [aria-hidden="true"], [hidden]';

/** class/id words of widgets inside the article: share bars, comments, newsletters, related links, ads. */
const WIDGET = /(?:^|[\s_-])(?:share|sharing|social|comments?|newsletter|related|breadcrumbs?|advert|ads?|promo|cookies?|subscribe|paywall|outbrain|taboola)(?:$|[\s_-])/i;

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre',
  'table', 'tr', 'td', 'th', 'dd', 'dt', 'dl', 'figcaption', 'figure', 'br', 'hr', 'address', 'details', 'summary',
]);

interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  localName?: string;
}

/**
 * The text of a subtree, a line break around each block. Walked with an
 * explicit stack (a page nested 10 000 levels deep would exhaust the call
 * stack), reading `childNodes` once per node (linkedom builds it anew at
 * each access: indexing it in a loop is quadratic in the number of children).
 */
function textOf(root: DomNode, out: string[]): void {
  const stack: (DomNode | 'close-block')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'close-block') {
      out.push('\n');
      continue;
    }
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const block = BLOCKS.has(node.localName ?? '');
    if (block) {
      out.push('\n');
      stack.push('close-block');
    }
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
  }
}

function blockText(root: DomNode): string {
  const parts: string[] = [];
  textOf(root, parts);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The `<article>` elements not inside another one, in document order: one walk, however deep they nest. */
function outerArticles(root: DomNode): DomNode[] {
  const found: DomNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType !== 1 && node.nodeType !== 9) continue;
    if (node.localName === 'article') {
      found.push(node);
      continue;
    }
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
  }
  return found;
}

/** A value found under the key, kept on the walk's stack so that results come in document order. */
class Found {
  constructor(readonly value: unknown) {}
}

/** The values of a key anywhere in parsed JSON-LD (objects, arrays, @graph), in document order; walked with an explicit stack, however deep it nests. */
function findInJsonLd(data: unknown, key: string): unknown[] {
  const found: unknown[] = [];
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value instanceof Found) found.push(value.value);
    else if (Array.isArray(value)) {
      for (let k = value.length - 1; k >= 0; k--) stack.push(value[k]);
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let k = entries.length - 1; k >= 0; k--) {
        const [name, v] = entries[k];
        if (name === key) stack.push(new Found(v));
        else if (typeof v === 'object') stack.push(v);
      }
    }
  }
  return found;
}

/** "Titre de l'article | Le Site" -> "Titre de l'article". */
export function withoutSiteTail(title: string): string {
  // The last separator found by scanning, not by splitting: a title of a million dashes would make an array of a
  // million pieces, whose garbage made reading it superlinear.
  const separator = /\s+[|–—-]\s+/g;
  let tailStart = -1;
  for (let match = separator.exec(title); match; match = separator.exec(title)) tailStart = separator.lastIndex;
  if (tailStart < 0) return title.trim();
  const tail = title.slice(tailStart);
  const head = title.slice(0, title.length - tail.length).replace(/\s+[|–—-]\s+$/, '').trim();
  return tail.length <= 40 && head.length >= 10 ? head : title.trim();
}

/** linkedom needs a whole document: a fragment ("<p>…</p>") is wrapped in one. */
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  return `<!DOCTYPE html><html>${/<body[\s>]/i.test(html) ? html : `<head></head><body>${html}</body>`}</html>`;
}

export function readHtml(html: string, relativePath: string): ReaderOutput {
  if (nestsDeeperThan(html)) return { documents: [], problems: [`HTML nested more than ${MAX_HTML_DEPTH} levels deep: not read`] };
  const { document } = parseHTML(asDocument(html));
  const attr = (selector: string, name: string): string | undefined => document.querySelector(selector)?.getAttribute(name)?.trim() || undefined;

  const jsonLd: unknown[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const json = script.textContent ?? '';
    if (jsonNestsDeeperThan(json)) continue; // no metadata nests that deep: ignored like broken JSON-LD
    try {
      jsonLd.push(JSON.parse(json));
    } catch {
      // broken JSON-LD is ignored: the markup still has the rest
    }
  }
  const ldString = (key: string): string | undefined => findInJsonLd(jsonLd, key).find((v): v is string => typeof v === 'string');
  const ldPublisher = findInJsonLd(jsonLd, 'publisher').flatMap((p) => findInJsonLd(p, 'name')).find((v): v is string => typeof v === 'string');

  // The longest article; an article inside another is never longer than it, so only outer ones are measured.
  const articles = outerArticles(document as unknown as DomNode).map((element) => ({ element, length: element.textContent?.length ?? 0 }));
  const longest = articles.reduce<(typeof articles)[number] | undefined>((best, a) => (!best || a.length > best.length ? a : best), undefined);
  const root =
    (longest?.element as unknown as typeof document.body | undefined) ??
    document.querySelector('main, [role="main"]') ??
    document.body;

  const h1 = (root?.querySelector('h1') ?? document.querySelector('h1'))?.textContent?.replace(/\s+/g, ' ').trim();
  const pageTitle = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  const time = (root?.querySelector('time[datetime]') ?? document.querySelector('time[datetime]'))?.getAttribute('datetime') ?? undefined;

  const given: GivenMetadata = {
    title: h1 || attr('meta[property="og:title"]', 'content') || (pageTitle ? withoutSiteTail(pageTitle) : undefined),
    date: attr('meta[property="article:published_time"]', 'content') ?? ldString('datePublished') ?? time ?? attr('meta[name="date"]', 'content'),
    url: attr('link[rel="canonical"]', 'href') ?? attr('meta[property="og:url"]', 'content'),
    source: attr('meta[property="og:site_name"]', 'content') ?? ldPublisher,
  };

  let text = '';
  if (root) {
    for (const element of root.querySelectorAll(REMOVED)) element.remove();
    for (const element of root.querySelectorAll('[class], [id]')) {
      if (WIDGET.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`)) element.remove();
    }
    text = blockText(root as unknown as DomNode);
  }
  const cleanGiven = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== '')) as GivenMetadata;
  return { documents: [{ id: idFromPath(relativePath), text, given: cleanGiven }], problems: [] };
}
