import type { Article } from '../ingest/types.js';
import { foldWord } from './fold.js';

/**
 * The one declaration of an article's searchable fields and facets. Every
 * spelling of a field is here, once: its name in the article (which is also
 * its key in a search request's filters), its kind, its BM25 boost, the
 * query prefixes that search it alone, its URL parameter, its key in a
 * response's `facets`, its French labels and its PostgreSQL columns. The
 * index (MiniSearch fields, postings, boosts), the search (prefixes, facet
 * table and counts, phrase checks), the PostgreSQL schema and statements, the
 * URL schema, the view models, the JSON and the Atom feed read it, so a new
 * facet is a few lines here (plus, for PostgreSQL, one migration line adding
 * its key column, see src/index/postgres/schema.ts).
 *
 * Kinds:
 *   text     analysed words with their positions (phrase checks, snippets)
 *   keyword  names (an array, or one string or null, in the article); each
 *            value is searchable word by word and is a facet value, compared
 *            without case or accents
 *   date     YYYY-MM-DD, the year and month histogram and from/to range
 *   quotes   the article's quotations (src/ingest/quotes): their words are
 *            searched as a text field's, with positions; being spans of the
 *            text, they are taken from its analysis, not analysed again
 *            (src/index/quotation-record.ts); `citation:mot` searches them
 *            alone, and `cite:Nom` (src/search/quotation-query.ts) those of
 *            one speaker
 *
 * The order of the indexed fields (text, then keyword) is MiniSearch's
 * field id order and the saved index's: append, never reorder, without
 * bumping INDEX_FORMAT_VERSION.
 */

/** What a keyword field is as a facet. */
export interface FacetDeclaration {
  /** URL parameter (`?speaker=…`), repeated for several values. */
  readonly param: string;
  /** Key of its counts in a response's `facets`. */
  readonly responseKey: string;
  /** French label of one value (filter chip, Atom feed title), and of the facet box. */
  readonly label: string;
  readonly title: string;
  /** CSS class of its value chips on a result. */
  readonly chipClass: string;
  /** What its values are in an Atom entry: its <author>s or its <category>s. */
  readonly atom: 'author' | 'category';
  /** PostgreSQL: the `"char"` naming it in depeches.facet_names, and the column of its folded keys. */
  readonly pgKey: string;
  readonly pgKeysColumn: string;
}

export interface FieldDeclaration {
  readonly kind: 'text' | 'keyword' | 'date' | 'quotes';
  /** BM25 boost of a plain word found in this field (indexed fields only); 0: searched only through its prefixes. */
  readonly boost?: number;
  /** A keyword field holding a list of values in the article (else one value or null); a text[] column on PostgreSQL. */
  readonly multiple?: boolean;
  /** Query prefixes that search this field alone (`speaker:Lavrov`). */
  readonly prefixes?: readonly string[];
  /** PostgreSQL tsvector weight (A to D); a prefix can be weight-restricted only when no other field shares the weight. */
  readonly pgWeight?: 'A' | 'B' | 'C' | 'D';
  readonly facet?: FacetDeclaration;
}

export const FIELDS = {
  title: { kind: 'text', boost: 2.5, pgWeight: 'A' },
  text: { kind: 'text', boost: 1, pgWeight: 'D' },
  // Boost 0: a quotation's words are also in the text, and count there once; this field is for `citation:` and `cite:`.
  quotes: { kind: 'quotes', boost: 0, prefixes: ['citation'], pgWeight: 'D' },
  speakers: {
    kind: 'keyword',
    multiple: true,
    boost: 1.5,
    prefixes: ['speaker', 'intervenant'],
    pgWeight: 'B',
    facet: { param: 'speaker', responseKey: 'speaker', label: 'Intervenant', title: 'Intervenants', chipClass: 'puce-personne', atom: 'category', pgKey: 's', pgKeysColumn: 'speaker_keys' },
  },
  organisations: {
    kind: 'keyword',
    multiple: true,
    boost: 1.5,
    prefixes: ['org', 'organisation'],
    pgWeight: 'C',
    facet: { param: 'org', responseKey: 'organisation', label: 'Organisation', title: 'Organisations', chipClass: 'puce-organisation', atom: 'category', pgKey: 'o', pgKeysColumn: 'organisation_keys' },
  },
  source: {
    kind: 'keyword',
    // Searched only as `source:`: a paper named after a place ("Tribune de Genève") would
    // otherwise match every query naming the place, in articles that never mention it.
    boost: 0,
    prefixes: ['source'],
    pgWeight: 'D',
    facet: { param: 'source', responseKey: 'source', label: 'Source', title: 'Sources', chipClass: 'puce-source', atom: 'author', pgKey: 'r', pgKeysColumn: 'source_keys' },
  },
  date: { kind: 'date' },
} as const satisfies Record<string, FieldDeclaration>;

export type FieldName = keyof typeof FIELDS;
/** Every declared field is a property of an article: fails to compile otherwise. */
const everyFieldIsAnArticleProperty: FieldName extends keyof Article ? true : never = true;
void everyFieldIsAnArticleProperty;
type Declared = typeof FIELDS;

/** Fields indexed for full-text search (MiniSearch's fields), in field id order. */
export type IndexedField = { [F in FieldName]: Declared[F]['kind'] extends 'text' | 'keyword' | 'quotes' ? F : never }[FieldName];
/** Fields whose words are indexed position by position (title, text, quotes). */
export type TextField = { [F in FieldName]: Declared[F]['kind'] extends 'text' | 'quotes' ? F : never }[FieldName];
/** Fields that are facets. */
export type FacetName = { [F in FieldName]: Declared[F] extends { facet: FacetDeclaration } ? F : never }[FieldName];
/** Fields a query prefix searches alone. */
export type QueryField = { [F in FieldName]: Declared[F] extends { prefixes: readonly string[] } ? F : never }[FieldName];
/** The response key of each facet ("speaker", "organisation", "source"). */
export type FacetResponseKey = Declared[FacetName]['facet']['responseKey'];

const names = Object.keys(FIELDS) as FieldName[];

export const INDEXED_FIELDS = names.filter((f) => FIELDS[f].kind !== 'date') as IndexedField[];
export const TEXT_FIELDS = names.filter((f) => FIELDS[f].kind === 'text' || FIELDS[f].kind === 'quotes') as TextField[];
export const FACETS = names.filter((f) => 'facet' in FIELDS[f]) as FacetName[];

/** The facet declaration of a facet field. */
export function facetOf(name: FacetName): FacetDeclaration {
  return FIELDS[name].facet;
}

/** The BM25 boost of each indexed field, by name. */
export const BOOSTS = Object.fromEntries(INDEXED_FIELDS.map((f) => [f, FIELDS[f].boost])) as Record<IndexedField, number>;

/** Query prefix (lowercase) -> the field it searches. */
export const PREFIXES: ReadonlyMap<string, QueryField> = new Map(
  names.flatMap((f) => ((FIELDS[f] as FieldDeclaration).prefixes ?? []).map((p) => [p, f as QueryField] as const)),
);

/** The values of a keyword field of an article, as a list (a single value or null becomes a list of one or none). */
export function fieldValues(article: Pick<Article, FacetName> & Partial<Pick<Article, 'quotes'>>, name: FacetName | QueryField): readonly string[] {
  if (name === 'quotes') return (article.quotes ?? []).map((q) => q.text);
  const value = article[name];
  return Array.isArray(value) ? value : value ? [value] : [];
}

/** The text indexed for a field of an article: keyword values are joined by " ; " so no phrase runs across two names. */
export function fieldText(article: Article, name: IndexedField): string {
  if (name === 'quotes') return fieldValues(article, name).join('\n\n');
  return FIELDS[name].kind === 'text' ? (article[name as 'title' | 'text'] as string) : fieldValues(article, name as FacetName).join(' ; ');
}

/** Facet values compare without case or accents: "otsc" selects "OTSC", "Tokayev" selects "Tokaïev" (both backends). */
export function facetKey(value: string): string {
  return foldWord(value.trim()).replace(/\s+/g, ' ');
}

/** The facet fields of an article (or of a hit), in declaration order: what a search hit carries besides id, title and date. */
export function facetFields(article: Pick<Article, FacetName>): Pick<Article, FacetName> {
  const fields = {} as Record<FacetName, unknown>;
  for (const name of FACETS) fields[name] = article[name];
  return fields as Pick<Article, FacetName>;
}

/** Selected values of each facet: the filters of a search request (values of one facet combine with OR, facets with AND). */
export type FacetFilters = Record<FacetName, string[]>;

/** Filters selecting nothing, with `selected` set on top. */
export function facetFilters(selected: Partial<FacetFilters> = {}): FacetFilters {
  return Object.fromEntries(FACETS.map((f) => [f, selected[f] ?? []])) as FacetFilters;
}
