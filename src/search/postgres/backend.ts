/**
 * The PostgreSQL backend: the same requests and responses as the embedded
 * engine, answered by PostgreSQL full-text search over the tables that
 * `npm run index -- --database URL` writes (src/index/postgres).
 *
 * A search is two round trips: one to analyze the query's words (lexemes,
 * typo neighbours from the trigram index), one statement that matches,
 * ranks, filters, counts the disjunctive facets, pages and cuts snippets
 * (CTEs over the matching rows, aggregated to one JSON row); for a
 * beginning of one or two letters, that row is the one the build
 * precomputed (./prefix-answers.ts).
 *
 * Longer than 300 lines: the request-to-statement mapping and the row-to-response
 * mapping are one contract and read best side by side.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { FACETS, facetFields, facetOf, splitWords, type FacetName } from '../../analysis/index.js';
import type { Suggestions } from '../suggestions.js';
import { dayCountsPostgres, searchFacetPostgres, suggestionsPostgres } from './facet-search.js';
import type { Article } from '../../ingest/types.js';
import { createPool, parsable, readPostgresBuild, SAMPLE_BUCKET_COUNT, schemaVersion, SCHEMA_VERSION, TS_CONFIG } from '../../index/postgres/index.js';
import { RELATED_LIMIT, type BackendReader, type BackendStatus, type DocumentDetail, type FailureKind, type RelatedArticle } from '../backends/types.js';
import { FACET_LIMIT } from '../facets.js';
import { escapeHtml } from '../highlight.js';
import { typoBudget } from '../match-options.js';
import { wordShape } from '../query-plan.js';
import { parseQuery } from '../parse-query.js';
import { understandQuery } from '../understood.js';
import type { FacetValue, ParsedQuery, SearchHit, SearchRequest, SearchResponse, SortOrder } from '../types.js';
import { ALL_OPTIONS, CLOSE, OPEN, searchParameters, searchSql, SEARCH_WORK_MEM, withoutNul, type QuotedCondition, type SearchRow } from './search-sql.js';
import { compileTsQuery, relaxedMatch, type CompiledTsQuery } from './tsquery.js';
import { FACET_EXACT_LIMIT, facetValues, roundedCount } from './facet-counts.js';
import { approximateDates, type BoundedOptions } from './bounded-search.js';
import { statementAnswer } from './statement-row.js';
import { prefixAnswerKey, storedPrefixAnswer } from './prefix-answers.js';
import { headlineHtml, hitSnippet } from './headline.js';
import { addQuotations, quotedCondition } from './quotation-hits.js';
import { EntityNames, postgresEntity } from './entities.js';
import { quotationSpeakerFacet } from './quotation-facet.js';
import { isDatabaseUnavailable } from './unavailable.js';
import { addedValues, partialFillPostgres } from './partial-fill.js';
import type { EntityKind, EntityProfile } from '../entities.js';

export { RANK_WINDOW } from './search-sql.js';

function topValues(values: FacetValue[]): FacetValue[] {
  return [...values].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr')).slice(0, FACET_LIMIT);
}

export interface PostgresBackendOptions {
  /** Most connections (default 10). */
  max?: number;
  /** Most rows a facet counts exactly before it counts a sample (default FACET_EXACT_LIMIT, src/search/postgres/facet-counts.ts). */
  facetExactLimit?: number;
  /** The sample and the limit past which a keystroke's total, dates and facets are estimated (./bounded-search.ts; defaults there). */
  bounded?: BoundedOptions;
  /** Whether a beginning of one or two letters is answered from the build's precomputed answers (default true; false to measure without, ./prefix-answers.ts). */
  prefixAnswers?: boolean;
}

export class PostgresBackend implements BackendReader {
  readonly kind = 'postgres' as const;
  /** The person and organisation pages' names, cached for this reader's lifetime (one build at a time). */
  private readonly entityNames: EntityNames;
  private constructor(
    readonly pool: pg.Pool,
    /** The build last read from the database (at connection, then by each status()). */
    private lastBuildId: string,
    private readonly facetExactLimit = FACET_EXACT_LIMIT,
    private readonly bounded: BoundedOptions = {},
    private readonly prefixAnswers = true,
  ) {
    this.entityNames = new EntityNames(pool);
  }

  /** Connects to a database that `npm run index -- --database URL` wrote; throws saying what to run otherwise. */
  static async connect(url: string, options: PostgresBackendOptions = {}): Promise<PostgresBackend> {
    const pool = createPool(url, { max: options.max, applicationName: 'depeches-serve' });
    try {
      const version = await schemaVersion(pool);
      if (version < SCHEMA_VERSION) throw new Error(`the database has no depeches index (schema ${version}, this program needs ${SCHEMA_VERSION}): build it with npm run index -- --database URL`);
      const build = await readPostgresBuild(pool);
      if (!build) throw new Error('the database has no depeches index yet: build it with npm run index -- --database URL');
      const limit = options.facetExactLimit;
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`facetExactLimit must be a positive integer, not ${limit}`);
      const { buckets, limit: boundedLimit } = options.bounded ?? {};
      if (buckets !== undefined && !(Number.isInteger(buckets) && buckets > 0 && buckets <= SAMPLE_BUCKET_COUNT)) throw new Error(`bounded.buckets must be an integer from 1 to ${SAMPLE_BUCKET_COUNT}, not ${buckets}`);
      if (boundedLimit !== undefined && !(Number.isInteger(boundedLimit) && boundedLimit >= 0)) throw new Error(`bounded.limit must be a non-negative integer, not ${boundedLimit}`);
      return new PostgresBackend(pool, build.buildId, limit, options.bounded ?? {}, options.prefixAnswers ?? true);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  async entity(kind: EntityKind, slug: string): Promise<EntityProfile | null> {
    return postgresEntity(this.pool, this.entityNames, kind, slug);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const started = performance.now();
    const parsed = parseQuery(withoutNul(request.q));
    const compiled = await compileTsQuery(this.pool, parsed);
    const quoted = await quotedCondition(this.pool, parsed);
    const sort = compiled.match === null && request.sort === 'relevance' ? 'date' : request.sort;
    const client = await this.pool.connect();
    try {
      // A query's rows come from the GIN index (see searchSql); a listing without one reads them all.
      await client.query(compiled.match === null ? `BEGIN READ ONLY; SET LOCAL work_mem = '${SEARCH_WORK_MEM}'` : `BEGIN READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL work_mem = '${SEARCH_WORK_MEM}'`);
      const response = await this.searchWith(client, request, parsed, compiled, sort, started, quoted);
      await client.query('COMMIT');
      return response;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async searchWith(client: pg.PoolClient, request: SearchRequest, parsed: ParsedQuery, compiled: CompiledTsQuery, sort: SortOrder, started: number, quoted: QuotedCondition | null): Promise<SearchResponse> {
    // Each story once, as the embedded engine lists them (src/search/stories.ts).
    const grouped = request.versions !== 'all' && !request.story;
    const run = (match: string | null, clauses: string[], required: number) =>
      client.query<SearchRow>(searchSql(sort, grouped, this.facetExactLimit), searchParameters(request, match, compiled.highlight, clauses, required, quoted));
    const options = { facetExactLimit: this.facetExactLimit, bounded: this.bounded };
    // A beginning of one or two letters: the statement's row as the build computed it (./prefix-answers.ts), else the statement.
    const key = quoted || !this.prefixAnswers ? null : prefixAnswerKey(parsed, request, compiled, sort, grouped, options);
    const answer = (key === null ? null : await storedPrefixAnswer(client, key)) ?? (await statementAnswer(client, request, compiled, sort, grouped, quoted, options));
    const estimated = answer.estimated;
    let row: SearchRow = answer.row;
    let used = { match: compiled.match, highlight: compiled.highlight, clauses: [] as string[], required: 0 };
    let relaxed: { matched: number; of: number } | null = null;
    if (row.matched === 0 && compiled.positive.length > 1) {
      // Nobody holds every word: the articles holding the most of them, as the embedded engine does.
      const loose = relaxedMatch(compiled);
      const most = await client.query<{ most: number | null }>(
        'SELECT max((SELECT count(*) FROM unnest($2::tsquery[]) AS c(clause) WHERE d.tsv @@ c.clause))::int AS most FROM depeches.search_rows d WHERE d.tsv @@ $1::tsquery',
        [loose, compiled.positive],
      );
      const count = most.rows[0].most ?? 0;
      if (count > 0) {
        row = (await run(loose, compiled.positive, count)).rows[0];
        used = { ...used, match: loose, clauses: compiled.positive, required: count };
        relaxed = { matched: count, of: compiled.positive.length };
      }
    }
    // Few full matches: the partial fill after them (./partial-fill.ts), its counts added to theirs.
    const fill = relaxed || estimated ? null : await partialFillPostgres(client, request, parsed, compiled, row, (match, clauses, required, limit, offset) => {
      const parameters = searchParameters(request, match, compiled.highlight, clauses, required, quoted);
      parameters[4] = limit;
      parameters[5] = offset;
      return client.query<SearchRow>(searchSql(sort, grouped, this.facetExactLimit), parameters).then((r) => r.rows[0]);
    });
    const hits: SearchHit[] = [...row.hits, ...(fill?.row.hits ?? [])].map((h) => ({
      id: h.id,
      title: h.title,
      date: h.date,
      ...facetFields(h),
      snippet: hitSnippet(h),
      score: Math.round(h.score * 10_000) / 1000,
      ...(grouped && h.others.length > 0 ? { story: { versions: h.others.length + 1, others: h.others } } : {}),
      ...(fill?.lacks.has(h.id) ? { partial: true as const, ...(fill.lacks.get(h.id) ? { lacks: fill.lacks.get(h.id) } : {}) } : {}),
    }));
    const partial = fill ? { matched: fill.matched, of: fill.of, count: fill.row.total, lacking: fill.lacking } : null;
    const counted = (name: FacetName) => (fill ? addedValues(facetValues(row[name]), facetValues(fill.row[name])) : facetValues(row[name]));
    const dates = fill ? addedValues(row.dates, fill.row.dates).sort((a, b) => (a.value < b.value ? -1 : 1)) : row.dates;
    if (request.view === 'citations' && hits.length > 0) await addQuotations(client, hits, compiled, quoted);
    // The Citations view and quotation queries: the speakers of the matching quotations (src/search/postgres/quotation-facet.ts)
    const quotationSpeakers = request.view === 'citations' || quoted ? await quotationSpeakerFacet(client, request, used, quoted) : null;
    const suggestion = compiled.match !== null && (row.total === 0 || relaxed !== null) ? await this.suggest(client, withoutNul(request.q)) : null;
    return {
      query: request.q,
      total: estimated ? roundedCount(row.total) : row.total,
      ...(grouped ? { articles: estimated ? roundedCount(row.articles) : row.articles } : {}),
      ...(estimated ? { total_approximate: true as const } : {}),
      took_ms: Math.round((performance.now() - started) * 100) / 100,
      page: request.page,
      per_page: request.perPage,
      sort: request.sort,
      hits,
      facets: Object.assign({ date: estimated ? approximateDates(row.dates) : dates }, ...FACETS.map((name) => ({ [facetOf(name).responseKey]: topValues(name === 'speakers' && quotationSpeakers ? quotationSpeakers : counted(name)) }))),
      ...(quotationSpeakers ? { speaker_counts: 'quotations' as const } : {}),
      suggestion,
      relaxed,
      partial,
      // Read from the same query plan as the embedded engine's (stems, completions, typos), on PostgreSQL's lexemes.
      understood: understandQuery(compiled.plan, parsed, [], { relaxed, partial, total: row.total }),
    };
  }

  /**
   * "Vouliez-vous dire": each word the index does not know is replaced by the
   * nearest indexed term (within the word's typo budget, match-options.ts,
   * as the embedded engine; the most widespread first), as it is written in
   * an article that holds it.
   */
  private async suggest(db: pg.PoolClient, q: string): Promise<string | null> {
    const words: string[] = [];
    const budgets: number[] = [];
    for (const word of new Set(splitWords(q))) {
      const shape = wordShape(word, false);
      const budget = shape && !shape.compound && !shape.stop ? typoBudget(shape.folded) : 0;
      if (budget > 0) {
        words.push(word);
        budgets.push(budget);
      }
    }
    if (words.length === 0) return null;
    const result = await db.query<{ word: string; written: string | null }>(
      `SELECT w.word, (
         SELECT ts_headline('${TS_CONFIG}', concat_ws(E'\\n', d.title, array_to_string(d.speakers, ' ; '), array_to_string(d.organisations, ' ; '), d.text),
                            quote_literal(best.term)::tsquery, 'StartSel=${OPEN}, StopSel=${CLOSE}, MaxFragments=1, MaxWords=3, MinWords=1')
         FROM depeches.search_rows s JOIN depeches.documents d USING (id) WHERE s.tsv @@ quote_literal(best.term)::tsquery LIMIT 1) AS written
       FROM unnest($1::text[], $2::int[]) AS w(word, budget)
       CROSS JOIN LATERAL (SELECT (tsvector_to_array(to_tsvector('${TS_CONFIG}', w.word)))[1] AS lexeme) l
       CROSS JOIN LATERAL (
         SELECT t.term FROM depeches.terms t
         WHERE l.lexeme IS NOT NULL AND NOT EXISTS (SELECT 1 FROM depeches.terms k WHERE k.term = l.lexeme)
           AND t.term % l.lexeme AND levenshtein_less_equal(t.term, l.lexeme, w.budget) <= w.budget
         ORDER BY levenshtein_less_equal(t.term, l.lexeme, w.budget), t.documents DESC, t.term LIMIT 1) best`,
      [words, budgets],
    );
    let corrected = q;
    let changed = false;
    for (const { word, written } of result.rows) {
      const replacement = written ? new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`).exec(written)?.[1] : undefined;
      if (replacement && replacement.toLowerCase() !== word.toLowerCase()) {
        corrected = corrected.split(word).join(replacement);
        changed = true;
      }
    }
    return changed ? corrected : null;
  }

  async article(id: string): Promise<Article | null> {
    if (id.includes('\0')) return null;
    const result = await this.pool.query<{ article: Article }>('SELECT article FROM depeches.documents WHERE id = $1', [id]);
    return result.rows[0]?.article ?? null;
  }

  async document(id: string, q: string): Promise<DocumentDetail | null> {
    if (id.includes('\0')) return null;
    q = withoutNul(q);
    const compiled = q.trim() ? await compileTsQuery(this.pool, parseQuery(q)) : { highlight: null };
    const related = (condition: string, order: string) => `
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'title', r.title, 'date', r.date) ORDER BY r.k), '[]'::json)
       FROM (SELECT o.id, o.title, o.date, row_number() OVER (ORDER BY ${order}) AS k
             FROM depeches.documents o WHERE o.id <> d.id AND ${condition} ORDER BY ${order} LIMIT ${RELATED_LIMIT}) r)`;
    const result = await this.pool.query<{ article: Article; title_html: string | null; text_html: string | null; same_day: RelatedArticle[]; same_speakers: RelatedArticle[] }>(
      `SELECT d.article,
              CASE WHEN $2::tsquery IS NULL THEN NULL ELSE ts_headline('${TS_CONFIG}', ${parsable('d.title')}, $2::tsquery, '${ALL_OPTIONS}') END AS title_html,
              CASE WHEN $2::tsquery IS NULL THEN NULL ELSE ts_headline('${TS_CONFIG}', ${parsable('d.text')}, $2::tsquery, '${ALL_OPTIONS}') END AS text_html,
              ${related('d.date IS NOT NULL AND o.date = d.date', 'o.id')} AS same_day,
              ${related(
                "cardinality(d.speaker_keys) > 0 AND o.speaker_keys && d.speaker_keys",
                '(SELECT count(*) FROM unnest(o.speaker_keys) AS k WHERE k = ANY (d.speaker_keys)) DESC, o.date DESC NULLS LAST, o.id',
              )} AS same_speakers
       FROM depeches.documents d WHERE d.id = $1`,
      [id, compiled.highlight],
    );
    const row = result.rows[0];
    if (!row) return null;
    const { article } = row;
    return {
      article,
      titleHtml: row.title_html === null ? escapeHtml(article.title) : headlineHtml(row.title_html),
      textHtml: row.text_html === null ? escapeHtml(article.text) : headlineHtml(row.text_html),
      sameDay: row.same_day,
      sameSpeakers: row.same_speakers,
    };
  }

  async searchFacet(request: SearchRequest, name: FacetName, text: string): Promise<FacetValue[]> {
    return searchFacetPostgres(this.pool, request, name, text);
  }

  async suggestions(q: string): Promise<Suggestions> {
    return suggestionsPostgres(this.pool, q);
  }

  async dayCounts(request: SearchRequest): Promise<FacetValue[]> {
    return dayCountsPostgres(this.pool, request);
  }

  async status(): Promise<BackendStatus> {
    const build = await readPostgresBuild(this.pool);
    if (!build) throw new Error('the database has no depeches index');
    this.lastBuildId = build.buildId;
    return { backend: 'postgres', documents: build.documentCount, build: build.buildId, builtAt: build.builtAt };
  }

  buildId(): string {
    return this.lastBuildId;
  }

  /** The database holds its index whole or not at all (one transaction per build): never damaged. */
  damage(): string | null {
    return null;
  }

  diagnose(error: unknown): FailureKind {
    return isDatabaseUnavailable(error) ? 'unavailable' : null;
  }

  /** Readers always see the last committed build: nothing to follow or refresh. */
  follow(): void {}

  async refresh(): Promise<void> {}

  /** The database keeps its own caches warm. */
  warm(): void {}

  async close(): Promise<void> {
    await this.pool.end();
  }
}
