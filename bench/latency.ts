/**
 * Live-typing latency: every prefix of a set of multi-word queries, with and
 * without a speaker filter, timed in-process or over HTTP; and throughput of
 * the real server under concurrent connections with autocannon.
 */
import autocannon from 'autocannon';
import type { Article } from '../src/ingest/types.js';
import { rng } from './generate-corpus.js';
import type { PeerQuery } from './peers/types.js';

/** Queries a reader of these dispatches types; the rest are derived from the corpus. */
const BASE_QUERIES = ['relations bilatérales', 'coopération stratégique Asie centrale', 'situation au Kazakhstan', "Jeux olympiques d'hiver", 'Conseil de sécurité', 'stabilité régionale'];
const WORD = /^[\p{L}]{4,}$/u;

/** `count` multi-word queries: the base ones, then 2-3 consecutive long words of random articles. */
export function sessionQueries(articles: Article[], count: number, seed = 7): string[] {
  const random = rng(seed);
  const queries = BASE_QUERIES.slice(0, count);
  for (let guard = 0; queries.length < count && guard < count * 50; guard++) {
    const words = articles[Math.floor(random() * articles.length)].text.split(/\s+/);
    const start = Math.floor(random() * Math.max(1, words.length - 3));
    const n = 2 + Math.floor(random() * 2);
    const picked = words.slice(start, start + n);
    if (picked.length === n && picked.every((w) => WORD.test(w))) queries.push(picked.join(' ').toLowerCase());
  }
  return queries;
}

/** The speaker most articles quote: the facet filter of the filtered half of a session. */
export function mostQuotedSpeaker(articles: Article[]): string {
  const counts = new Map<string, number>();
  for (const a of articles) for (const s of a.speakers) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** Every prefix a person typing the queries produces (none ending in a space). */
export function typingPrefixes(queries: string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, k) => q.slice(0, k + 1)).filter((p) => !p.endsWith(' ')));
}

/** The session: every prefix without filter, then every prefix with the most common speaker. */
export function typingSession(queries: string[], speaker: string): PeerQuery[] {
  const prefixes = typingPrefixes(queries);
  return [...prefixes.map((q) => ({ q })), ...prefixes.map((q) => ({ q, speaker }))];
}

export interface Percentiles {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { n: sorted.length, mean: sorted.reduce((s, x) => s + x, 0) / sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}

/**
 * Times `run` on each input in order, after a warm-up on the first 20 that
 * are then not timed (an engine with a cache would answer them from it).
 */
export async function timeEach<T>(inputs: T[], run: (input: T) => Promise<unknown> | unknown): Promise<Percentiles> {
  const WARM_UP = Math.min(20, Math.floor(inputs.length / 4));
  for (const input of inputs.slice(0, WARM_UP)) await run(input);
  const samples: number[] = [];
  for (const input of inputs.slice(WARM_UP)) {
    const t = performance.now();
    await run(input);
    samples.push(performance.now() - t);
  }
  return percentiles(samples);
}

export function apiPath({ q, speaker }: PeerQuery): string {
  return `/api/search?q=${encodeURIComponent(q)}${speaker ? `&speaker=${encodeURIComponent(speaker)}` : ''}`;
}

/** The same session over HTTP, one request at a time (keep-alive). */
export async function httpLatency(url: string, session: PeerQuery[]): Promise<Percentiles> {
  return timeEach(session, async (query) => {
    const response = await fetch(url + apiPath(query));
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${apiPath(query)}`);
    await response.arrayBuffer();
  });
}

export interface Throughput {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

/** Requests/s of the session's paths, round robin, under `connections` concurrent connections for `seconds`. */
export async function throughput(url: string, session: PeerQuery[], connections: number, seconds: number): Promise<Throughput> {
  const paths = session.map(apiPath);
  let k = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[k++ % paths.length] }) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
