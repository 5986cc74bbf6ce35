import { parseHTML } from 'linkedom';
import type { GivenMetadata } from '../article.js';
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

function textOf(node: DomNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1) return;
  const block = BLOCKS.has(node.localName ?? '');
  if (block) out.push('\n');
  for (let i = 0; i < node.childNodes.length; i++) textOf(node.childNodes[i], out);
  if (block) out.push('\n');
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

/** The values of a key anywhere in parsed JSON-LD (objects, arrays, @graph). */
function findInJsonLd(data: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(data)) for (const item of data) findInJsonLd(item, key, found);
  else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      if (k === key) found.push(v);
      else if (typeof v === 'object') findInJsonLd(v, key, found);
    }
  }
  return found;
}

/** "Titre de l'article | Le Site" -> "Titre de l'article". */
export function withoutSiteTail(title: string): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title.trim();
  const tail = parts[parts.length - 1];
  const head = title.slice(0, title.length - tail.length).replace(/\s+[|–—-]\s+$/, '').trim();
  return tail.length <= 40 && head.length >= 10 ? head : title.trim();
}

/** linkedom needs a whole document: a fragment ("<p>…</p>") is wrapped in one. */
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  return `<!DOCTYPE html><html>${/<body[\s>]/i.test(html) ? html : `<head></head><body>${html}</body>`}</html>`;
}

export function readHtml(html: string, relativePath: string): ReaderOutput {
  const { document } = parseHTML(asDocument(html));
  const attr = (selector: string, name: string): string | undefined => document.querySelector(selector)?.getAttribute(name)?.trim() || undefined;

  const jsonLd: unknown[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      jsonLd.push(JSON.parse(script.textContent ?? ''));
    } catch {
      // broken JSON-LD is ignored: the markup still has the rest
    }
  }
  const ldString = (key: string): string | undefined => findInJsonLd(jsonLd, key).find((v): v is string => typeof v === 'string');
  const ldPublisher = findInJsonLd(jsonLd, 'publisher').flatMap((p) => findInJsonLd(p, 'name')).find((v): v is string => typeof v === 'string');

  const articles = [...document.querySelectorAll('article')];
  const root =
    articles.sort((a, b) => (b.textContent ?? '').length - (a.textContent ?? '').length)[0] ??
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
