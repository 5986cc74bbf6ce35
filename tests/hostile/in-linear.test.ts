import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/ingest/readers/html.js';
import { readJsonLines } from '../../src/ingest/readers/jsonl.js';
import { readMarkdown } from '../../src/ingest/readers/markdown.js';
import { describeCost, doublingCost } from '../helpers/linear-time.js';

/**
 * The readers take time linear in the size of their input, whatever it is:
 * doubling an adversarial input at most about doubles the CPU time
 * (a backtracking regular expression or a quadratic walk gives about 4).
 */

/** From 512 characters, doubled until one run takes 25 ms of CPU, up to 8 M characters. */
const LINEAR = { startSize: 512, floorMs: 25, maxSize: 1 << 23 };

const repeat = (unit: string) => (n: number) => unit.repeat(Math.max(1, Math.floor(n / unit.length)));

const MARKDOWN: [string, (n: number) => string][] = [
  ['"**a " repeated', repeat('**a ')],
  ['"[" repeated', repeat('[')],
  ['"*a " repeated', repeat('*a ')],
  ['"_a " repeated', repeat('_a ')],
  ['"![" repeated', repeat('![')],
  ['"[a](" repeated', repeat('[a](')],
  ['"[a][" repeated', repeat('[a][')],
  ['"`a" repeated', repeat('`a')],
  ['"~~a " repeated', repeat('~~a ')],
  ['"<a" repeated (a tag never closed)', repeat('<a')],
  ['"<http://" repeated', repeat('<http://')],
  ['"\\\\" repeated', repeat('\\')],
  ['a heading with a run of spaces', (n) => `# a${' '.repeat(n)}b`],
  ['a line of spaces before a word', (n) => `a${' '.repeat(n)}b`],
  ['"**a " lines', repeat('**a **b\n')],
  ['"> " repeated', repeat('> ')],
  ['"1. " repeated', repeat('1. ')],
  ['a link reference of brackets', (n) => `[${'['.repeat(n)}`],
  ['an unclosed front matter', (n) => `---\n${'titre: a\n'.repeat(Math.floor(n / 9))}`],
];

const HTML: [string, (n: number) => string][] = [
  ['"<div>" nested', repeat('<div>')],
  ['"<article>" nested', repeat('<article>x ')],
  ['"<p>" siblings', repeat('<p>mot</p>')],
  ['"<a " repeated (a tag never closed)', repeat('<a ')],
  ['"<!--" repeated', repeat('<!--')],
  ['widgets nested', repeat('<div class="share">x ')],
  ['a title of dashes', (n) => `<title>${'a - '.repeat(Math.floor(n / 4))}</title><p>x</p>`],
  ['JSON-LD nested arrays', (n) => `<script type="application/ld+json">${'['.repeat(n / 2)}${']'.repeat(n / 2)}</script><p>x</p>`],
  ['JSON-LD nested objects', (n) => `<script type="application/ld+json">${'{"a":'.repeat(n / 6)}1${'}'.repeat(n / 6)}</script><p>x</p>`],
];

const JSON_LINES: [string, (n: number) => string][] = [
  ['a line of nested arrays', (n) => `${'['.repeat(n / 2)}${']'.repeat(n / 2)}`],
  ['a record nested in objects', (n) => `{"text": "x", "a": ${'{"b":'.repeat(n / 6)}1${'}'.repeat(n / 6)}}`],
  ['a record with a long text of quotes', (n) => JSON.stringify({ text: '"\\'.repeat(n / 4) })],
  ['many short records', repeat('{"text":"mot","id":"a:1"}\n')],
  ['many invalid lines', repeat('{"text":\n')],
];

describe('the JSON Lines reader is linear', () => {
  it.each(JSON_LINES)('%s', (_, make) => {
    const cost = doublingCost((text) => readJsonLines(text, 'a.jsonl'), make, LINEAR);
    expect(cost.ratio, describeCost(cost)).toBeLessThan(3);
  });
});

describe('the Markdown reader is linear', () => {
  it.each(MARKDOWN)('%s', (_, make) => {
    const cost = doublingCost((text) => readMarkdown(text, 'a.md'), make, LINEAR);
    expect(cost.ratio, describeCost(cost)).toBeLessThan(3);
  });
});

describe('the HTML reader is linear', () => {
  it.each(HTML)('%s', (_, make) => {
    const cost = doublingCost((html) => readHtml(html, 'a.html'), make, LINEAR);
    expect(cost.ratio, describeCost(cost)).toBeLessThan(3);
  });
});
