/** Reads a file of labelled queries (eval/labels/*.queries.json) and checks its shape, with one-line messages. */
import { readFile } from 'node:fs/promises';
import type { Judgements } from './metrics.js';

export interface LabelledQuery {
  q: string;
  intent: string;
  judgements: Judgements;
}

export interface QueryLabels {
  about: string;
  queries: LabelledQuery[];
}

export async function readQueryLabels(file: string): Promise<QueryLabels> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new Error(e.code === 'ENOENT' ? `queries file not found: ${file}` : `cannot read the queries file ${file}: ${e.message}`);
  }
  const labels = data as QueryLabels;
  if (!labels || !Array.isArray(labels.queries) || labels.queries.length === 0) throw new Error(`${file} holds no "queries" list`);
  labels.queries.forEach((query, n) => {
    if (typeof query?.q !== 'string' || !query.q.trim()) throw new Error(`${file}: query ${n + 1} has no "q"`);
    if (!query.judgements || typeof query.judgements !== 'object') throw new Error(`${file}: query "${query.q}" has no "judgements"`);
    for (const [id, grade] of Object.entries(query.judgements)) {
      if (![0, 1, 2].includes(grade)) throw new Error(`${file}: query "${query.q}" grades ${id} ${grade}, not 0, 1 or 2`);
    }
  });
  return labels;
}

/** Judged ids that the corpus does not hold: a typo in the labels, or labels of another corpus. */
export function unknownIds(labels: QueryLabels, ids: ReadonlySet<string>): string[] {
  const unknown = new Set<string>();
  for (const query of labels.queries) for (const id of Object.keys(query.judgements)) if (!ids.has(id)) unknown.add(id);
  return [...unknown];
}
