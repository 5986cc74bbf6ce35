/**
 * The SQL that the field declaration (src/analysis/fields.ts) makes for
 * PostgreSQL: each article field is a column of depeches.documents under its
 * own name, each facet adds a column of folded keys (GIN-indexed) and a
 * `"char"` in depeches.facet_names, each indexed field a weight in `tsv`
 * (a column of depeches.search_rows, computed from the documents row).
 *
 * Weights are four (A to D) for five indexed fields, so a field sharing its
 * weight (the source shares D with the text) cannot be searched alone by
 * weight: its lexemes are also written tagged with the field name
 * ('source:matin'), and `source:Matin` asks for the tagged lexeme. Tagged
 * lexemes are kept out of depeches.terms (completions, typos, suggestions).
 */
import { FACETS, FIELDS, INDEXED_FIELDS, PREFIXES, type FacetName, type FieldDeclaration, type IndexedField, type QueryField } from '../../analysis/index.js';
import { parsable, TS_CONFIG } from './schema.js';

const declared = (name: IndexedField): FieldDeclaration => FIELDS[name];

/** Fields that a prefix searches but that share their weight with another field: searched by tagged lexemes. */
export const TAGGED_FIELDS: ReadonlySet<QueryField> = new Set(
  [...new Set(PREFIXES.values())].filter((f) => INDEXED_FIELDS.some((other) => other !== f && declared(other).pgWeight === declared(f).pgWeight)),
);

/** How a prefix restricts a tsquery operand on PostgreSQL: by weight, or by a tag on the lexeme. */
export function fieldRestriction(field: QueryField): { weight: string; tag: string } {
  return TAGGED_FIELDS.has(field) ? { weight: '', tag: `${field}:` } : { weight: declared(field).pgWeight ?? '', tag: '' };
}

/** SQL of the text indexed for a field of row `r`: keyword values joined as the embedded index joins them (fieldText). */
function fieldTextSql(r: string, name: IndexedField): string {
  const field = declared(name);
  if (field.kind === 'text') return `${r}.${name}`;
  return field.multiple ? `array_to_string(${r}.${name}, ' ; ')` : `coalesce(${r}.${name}, '')`;
}

/**
 * The weighted tsvector of row `r`: fields sharing a weight are one text,
 * separated by a blank line. The parts are in weight order with the text's
 * last: `||` shifts the positions of what follows, and a tsvector keeps none
 * beyond 16 383, so the short fields come first and a long text cannot push
 * their positions (phrases of names) out of reach.
 */
export function tsvectorSql(r: string): string {
  const byWeight = new Map<string, IndexedField[]>();
  // A field of boost 0 (the source) is searched only by its prefix: its lexemes are only written tagged.
  for (const name of INDEXED_FIELDS.filter((f) => (declared(f).boost ?? 0) > 0 || !TAGGED_FIELDS.has(f as QueryField))) {
    const weight = declared(name).pgWeight!;
    byWeight.set(weight, [...(byWeight.get(weight) ?? []), name]);
  }
  const groups = [...byWeight].sort(([a], [b]) => (a < b ? -1 : 1));
  const vector = (names: IndexedField[]) => `to_tsvector('${TS_CONFIG}', ${parsable(names.map((n) => fieldTextSql(r, n)).join(" || E'\\n\\n' || "))})`;
  const parts = groups.filter(([, names]) => !names.includes('text')).map(([weight, names]) => `setweight(${vector(names)}, '${weight}')`);
  for (const name of TAGGED_FIELDS) {
    parts.push(`setweight(regexp_replace(${vector([name])}::text, $tag$'((?:[^']|'')*)'$tag$, $tag$'${name}:\\1'$tag$, 'g')::tsvector, '${declared(name).pgWeight}')`);
  }
  for (const [weight, names] of groups) if (names.includes('text')) parts.push(`setweight(${vector(names)}, '${weight}')`);
  return parts.join('\n      || ');
}

/** Rows of depeches.terms: every lexeme of the index but the tagged ones. */
export const TERMS_REFRESH = `INSERT INTO depeches.terms (term, documents) SELECT word, ndoc FROM ts_stat('SELECT tsv FROM depeches.search_rows')${
  TAGGED_FIELDS.size > 0 ? ` WHERE ${[...TAGGED_FIELDS].map((f) => `word NOT LIKE '${f}:%'`).join(' AND ')}` : ''
}`;

export interface FacetColumnSql {
  name: FacetName;
  /** Column of folded keys, each once per article. */
  keys: string;
  /** Its `"char"` in depeches.facet_names. */
  pgKey: string;
  /** SQL of the facet's values of row `r` as a text[]. */
  values(r: string): string;
}

export const FACET_COLUMNS: FacetColumnSql[] = FACETS.map((name) => ({
  name,
  keys: FIELDS[name].facet.pgKeysColumn,
  pgKey: FIELDS[name].facet.pgKey,
  values: (r: string) => ((FIELDS[name] as FieldDeclaration).multiple ? `${r}.${name}` : `array_remove(ARRAY[${r}.${name}], NULL)`),
}));
