import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, snippetText } from '../../src/web/export.js';
import { BACKENDS, startBackendServer } from '../helpers/backends.js';

/** RFC 4180 rows, as a spreadsheet reads them back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('CSV fields', () => {
  it('quotes what needs it and defuses spreadsheet formulas', () => {
    expect(csvField('Wang Yi')).toBe('Wang Yi');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('ligne\nsuivante')).toBe('"ligne\nsuivante"');
    for (const formula of ['=HYPERLINK("x")', '+33', '-1', '@SUM(A1)']) expect(csvField(formula).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(snippetText('Le &lt;b&gt; <mark>ministre</mark> &amp; l&#39;OTAN')).toBe("Le <b> ministre & l'OTAN");
  });
});

describe.each(BACKENDS)('export, %s backend', (kind) => {
  let url: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ url, stop } = await startBackendServer(kind));
  });
  afterAll(async () => stop?.());

  const searchIds = async (query: string) => ((await (await fetch(`${url}/api/search?${query}&per_page=100`)).json()) as { hits: { id: string }[] }).hits.map((h) => h.id);

  it('gives the whole result set as CSV, in the order of the search, with its filters', async () => {
    for (const query of ['q=chine', 'q=&sort=date', 'q=russie&speaker=Wang+Yi', 'q=coop%C3%A9ration&org=OCS&sort=date-asc']) {
      const response = await fetch(`${url}/api/export?${query}&format=csv`);
      expect(response.status, query).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="depeches-[a-z0-9-]*\d{4}-\d{2}-\d{2}\.csv"$/);
      const bytes = Buffer.from(await response.arrayBuffer());
      // A byte-order mark first, so that spreadsheets read UTF-8.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
      expect(header).toEqual(['id', 'title', 'date', 'source', 'url', 'speakers', 'organisations', 'snippet']);
      const ids = await searchIds(query);
      expect(ids.length, query).toBeGreaterThan(0);
      expect(rows.map((r) => r[0]), query).toEqual(ids);
      for (const row of rows) {
        expect(row).toHaveLength(header.length);
        expect(row[7]).not.toMatch(/<\/?mark>/);
        if (query.includes('speaker=Wang')) expect(row[5].split(' ; ')).toContain('Wang Yi');
      }
    }
  });

  it('gives the same set as JSON Lines, one article a line', async () => {
    const response = await fetch(`${url}/api/export?q=chine&format=jsonl`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const rows = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; speakers: string[]; date: string | null; snippet: string });
    expect(rows.map((r) => r.id)).toEqual(await searchIds('q=chine'));
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['id', 'title', 'date', 'source', 'url', 'speakers', 'organisations', 'snippet']);
      expect(Array.isArray(row.speakers)).toBe(true);
    }
  });

  it('refuses a bad format or bad search parameters with a 400 and a message', async () => {
    const format = await fetch(`${url}/api/export?q=chine&format=xml`);
    expect(format.status).toBe(400);
    expect(await format.json()).toMatchObject({ parameter: 'format' });
    const dates = await fetch(`${url}/api/export?q=chine&from=2022-13-01`);
    expect(dates.status).toBe(400);
    expect((await dates.json()).parameter).toBe('from');
  });

  it('is linked from the results page with the same parameters', async () => {
    const page = await (await fetch(`${url}/search?q=chine&speaker=Wang+Yi&sort=date`)).text();
    const links = [...page.matchAll(/href="(\/api\/export\?[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(links).toHaveLength(2);
    for (const link of links) {
      const params = new URLSearchParams(link.split('?')[1]);
      expect(params.get('q')).toBe('chine');
      expect(params.get('speaker')).toBe('Wang Yi');
      expect(params.get('sort')).toBe('date');
      expect(['csv', 'jsonl']).toContain(params.get('format'));
      expect((await fetch(url + link)).status).toBe(200);
    }
  });
});
