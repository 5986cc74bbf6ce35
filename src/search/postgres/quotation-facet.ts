/**
 * The speaker facet of the Citations view and of quotation queries on
 * PostgreSQL (the embedded engine's is src/search/quotation-facet.ts): the
 * speakers of the matching rows of depeches.quotations, each with its
 * number of quotations, over the articles passing every filter but the
 * speaker one. The statement takes the search's own parameters
 * (searchParameters, the speaker filter emptied).
 */
import type pg from 'pg';
import { facetOf } from '../../analysis/index.js';
import { FACET_COLUMNS } from '../../index/postgres/index.js';
import type { FacetValue, SearchRequest } from '../types.js';
import { FACET_FETCH } from './facet-counts.js';
import { FACET_PARAMETER, QUOTED_MATCH, QUOTED_WORDS, searchParameters, STORY_PARAMETER, type QuotedCondition } from './search-sql.js';

const QUOTATION_SPEAKERS_SQL = `
  SELECT coalesce(json_agg(json_build_object('value', n.value, 'count', c.count) ORDER BY c.count DESC, n.value), '[]'::json) AS speakers FROM (
    SELECT q.speaker_key AS key, count(*)::int AS count
    FROM depeches.search_rows d JOIN depeches.quotations q ON q.document_id = d.id
    WHERE ($1::tsquery IS NULL OR d.tsv @@ $1::tsquery)
      AND ($8::int = 0 OR (SELECT count(*) FROM unnest($7::tsquery[]) AS c(clause) WHERE d.tsv @@ c.clause) >= $8::int)
      ${FACET_COLUMNS.map((c, f) => `AND (cardinality($${FACET_PARAMETER + f}::text[]) = 0 OR d.${c.keys} && $${FACET_PARAMETER + f}::text[])`).join('\n      ')}
      AND (($3::date IS NULL AND $4::date IS NULL) OR (d.date IS NOT NULL AND ($3::date IS NULL OR d.date >= $3::date) AND ($4::date IS NULL OR d.date <= $4::date)))
      AND ($${STORY_PARAMETER}::text IS NULL OR coalesce(d.story, d.id) = (SELECT coalesce(s.story, s.id) FROM depeches.documents s WHERE s.id = $${STORY_PARAMETER}::text))
      AND q.speaker_key IS NOT NULL
      -- a quotation query's own conditions, else one of the words searched (else any quotation)
      AND (CASE WHEN $${QUOTED_WORDS}::text[] IS NOT NULL
                THEN (cardinality($${QUOTED_WORDS}::text[]) = 0 OR string_to_array(q.speaker_key, ' ') @> $${QUOTED_WORDS}::text[]) AND ($${QUOTED_MATCH}::tsquery IS NULL OR q.tsv @@ $${QUOTED_MATCH}::tsquery)
                ELSE $2::tsquery IS NULL OR q.tsv @@ $2::tsquery END)
      -- the page's size and offset are not used here, but typed as the search states them
      AND $5::int >= 0 AND $6::int >= 0
    GROUP BY q.speaker_key ORDER BY count(*) DESC, q.speaker_key LIMIT ${FACET_FETCH}) c
  JOIN depeches.facet_names n ON n.facet = '${facetOf('speakers').pgKey}' AND n.key = c.key`;

export async function quotationSpeakerFacet(
  client: pg.PoolClient,
  request: SearchRequest,
  query: { match: string | null; highlight: string | null; clauses: string[]; required: number },
  quoted: QuotedCondition | null,
): Promise<FacetValue[]> {
  const others = { ...request, filters: { ...request.filters, speakers: [] } };
  const result = await client.query<{ speakers: FacetValue[] }>(QUOTATION_SPEAKERS_SQL, searchParameters(others, query.match, query.highlight, query.clauses, query.required, quoted));
  return result.rows[0].speakers;
}

