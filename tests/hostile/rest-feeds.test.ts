/**
 * Issue 17, feeds: a control character in a title or a query made
 * /search.atom ill-formed XML, and the Host header went into the absolute
 * URLs of the Atom feed and the OpenSearch description (cached, shared:
 * anyone could plant links to their own site). Each feed is parsed back.
 */
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus } from '../../src/index/index.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { parseXml, SMALL_ARTICLES, writeCorpus } from './rest-helpers.js';

let corpus: string;
let dir: string;
let server: RunningServer;
let configured: RunningServer;

beforeAll(async () => {
  corpus = await writeCorpus([
    ...SMALL_ARTICLES,
    { id: 'ctl', title: 'Contr\u0001ôle \u0008des \u001Fcaractères\uFFFE à Brunelle', text: 'Un texte avec des caractères de contrôle\u0002 et un \uD800 isolé, publié à Brunelle.' },
  ]);
  dir = await mkdtemp(path.join(tmpdir(), 'depeches-feeds-'));
  await indexCorpus(corpus, dir, { threads: 0 });
  server = await startServer({ indexDir: dir, port: 0, watchIndex: false });
  configured = await startServer({ indexDir: dir, port: 0, watchIndex: false, baseUrl: 'https://depeches.example.org/archives' });
});

afterAll(async () => {
  await server.close();
  await configured.close();
  await rm(dir, { recursive: true, force: true });
  await rm(corpus, { recursive: true, force: true });
});

/** GET with a Host header of our choosing (fetch does not let a caller set it). */
function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every absolute URL of an XML document. */
const absoluteUrls = (xml: string) => [...xml.matchAll(/(?:href|template)="([^"]+)"|<id>([^<]+)<\/id>/g)].map((m) => m[1] ?? m[2]);

describe('Atom feed', () => {
  it.each([
    ['the default feed', '/search.atom'],
    ['a query of a control character', '/search.atom?q=%01'],
    ['a query of control characters and words', '/search.atom?q=Brunelle%08%1F'],
    ['the feed of the article with control characters in its title', '/search.atom?q=Brunelle'],
  ])('is well-formed XML: %s', async (_name, url) => {
    const { status, body } = await get(server.url + url);
    expect(status).toBe(200);
    expect(() => parseXml(body)).not.toThrow();
    expect(parseXml(body)[0]).toBe('feed');
  });

  it('keeps the words of a title around the characters it drops', async () => {
    const { body } = await get(`${server.url}/search.atom?q=Brunelle`);
    expect(body).toContain('Contrôle des caractères à Brunelle');
  });
});

describe('absolute URLs of the feeds', () => {
  const port = () => new URL(server.url).port;

  it.each(['evil.example', 'evil.example:80', `evil.example:${'x'}`, 'localhost.evil.example', '127.0.0.1.evil.example'])('never reflect a foreign Host header (%s)', async (host) => {
    for (const url of ['/opensearch.xml', '/search.atom?q=lavande']) {
      const { status, body } = await get(server.url + url, host);
      expect(status).toBe(200);
      expect(body).not.toContain('evil');
      parseXml(body);
      for (const absolute of absoluteUrls(body)) expect(absolute.startsWith(`http://localhost:${port()}/`) || absolute.startsWith(`http://127.0.0.1:${port()}/`)).toBe(true);
    }
  });

  it('keep a Host header naming this machine on the listen port', async () => {
    const { body } = await get(`${server.url}/opensearch.xml`, `127.0.0.1:${port()}`);
    expect(absoluteUrls(body).every((u) => u.startsWith(`http://127.0.0.1:${port()}/`))).toBe(true);
  });

  it('come from the configured base URL whatever the Host header', async () => {
    for (const url of ['/opensearch.xml', '/search.atom?q=lavande']) {
      const { body } = await get(configured.url + url, 'evil.example');
      const urls = absoluteUrls(body);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.every((u) => u.startsWith('https://depeches.example.org/archives/'))).toBe(true);
    }
  });
});
