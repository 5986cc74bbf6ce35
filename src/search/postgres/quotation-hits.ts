/** The quotations of a `cite:`/`citation:` query on PostgreSQL: the condition a quotation row must meet, and each hit's matching quotations. */
import type pg from 'pg';
import { parsable, TS_CONFIG } from '../../index/postgres/index.js';
import { escapeHtml } from '../highlight.js';
import { quotationClauses, quotationOpening, speakerWords } from '../quotation-query.js';
import type { ParsedQuery, QuotationHit, SearchHit } from '../types.js';
import { headlineHtml } from './headline.js';
import { CLOSE, OPEN, type QuotedCondition } from './search-sql.js';
import { compileTsQuery, type CompiledTsQuery } from './tsquery.js';

/** The quotation condition of a `cite:`/`citation:` query on PostgreSQL (one row of depeches.quotations must meet it), or null. */
export async function quotedCondition(pool: pg.Pool, parsed: ParsedQuery): Promise<QuotedCondition | null> {
  const clauses = quotationClauses(parsed);
  if (clauses === null) return null;
  const match = clauses.length > 0 ? (await compileTsQuery(pool, { raw: parsed.raw, clauses })).match : null;
  return { speakerWords: speakerWords(parsed), match };
}

/** The 'Citations' view: each hit's quotations that the query matches (depeches.quotations), highlighted. */
export async function addQuotations(client: pg.PoolClient, hits: SearchHit[], compiled: CompiledTsQuery, quoted: QuotedCondition | null): Promise<void> {
  const rows = await client.query<{ document_id: string; kind: 'direct' | 'indirect'; speaker: string | null; start_at: number; text: string; headline: string | null }>(
    `SELECT q.document_id, q.kind, q.speaker, q.start_at, q.text,
            CASE WHEN $2::tsquery IS NULL THEN NULL ELSE ts_headline('${TS_CONFIG}', ${parsable('q.text')}, $2::tsquery, 'HighlightAll=true, StartSel=${OPEN}, StopSel=${CLOSE}') END AS headline
     FROM depeches.quotations q
     WHERE q.document_id = ANY($1::text[])
       AND (CASE WHEN $3::text[] IS NOT NULL
                 THEN (cardinality($3::text[]) = 0 OR string_to_array(q.speaker_key, ' ') @> $3::text[]) AND ($4::tsquery IS NULL OR q.tsv @@ $4::tsquery)
                 ELSE $2::tsquery IS NULL OR q.tsv @@ $2::tsquery END)
     ORDER BY q.document_id, q.n`,
    [hits.map((h) => h.id), compiled.highlight, quoted ? quoted.speakerWords : null, quoted ? quoted.match : null],
  );
  const byDocument = new Map<string, QuotationHit[]>();
  for (const r of rows.rows) {
    const list = byDocument.get(r.document_id) ?? [];
    list.push({ html: r.headline === null ? escapeHtml(r.text) : headlineHtml(r.headline), speaker: r.speaker, kind: r.kind, start: r.start_at, opening: quotationOpening(r.text) });
    byDocument.set(r.document_id, list);
  }
  for (const hit of hits) hit.quotations = byDocument.get(hit.id) ?? [];
}
