/**
 * The writer's statements for depeches.search_rows (schema.ts, migration 7):
 * the narrow copy of each documents row that a search reads, with the
 * row's weighted tsvector. Written after its documents row, in the same
 * transaction (write.ts); deleted with it (ON DELETE CASCADE).
 */
import { tsvectorSql } from './fields.js';
import { SEARCH_ROW_COLUMNS } from './schema.js';

/** The search rows of documents just written (ids $1): their copied columns and their tsvector, computed from the documents row. */
export const SEARCH_ROWS_UPSERT = `
  INSERT INTO depeches.search_rows AS s (id, ${SEARCH_ROW_COLUMNS.join(', ')}, tsv)
  SELECT d.id, ${SEARCH_ROW_COLUMNS.map((c) => `d.${c}`).join(', ')},
         ${tsvectorSql('d')}
  FROM depeches.documents d WHERE d.id = ANY($1::text[])
  ON CONFLICT (id) DO UPDATE SET ${[...SEARCH_ROW_COLUMNS, 'tsv'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;

/** The story columns of search rows whose documents were regrouped (ids $1). */
export const SEARCH_ROWS_REGROUP = `
  UPDATE depeches.search_rows s SET story = d.story, in_story = d.in_story
  FROM depeches.documents d WHERE d.id = s.id AND s.id = ANY($1::text[])`;
