import { facetKey } from '../analysis/index.js';
import { FACET_LIMIT, facetCounts } from './facets.js';
import { holdsTerm, termMask, type QuotationMatcher } from './quotation-query.js';
import type { Searcher } from './searcher.js';
import type { FacetValue, SearchRequest } from './types.js';


/**
 * The speaker facet of the Citations view and of `cite:`/`citation:`
 * queries: the speakers of the matching quotations, each with the number
 * of them, rather than the speakers of the matching articles. A quotation
 * matches as the view lists it: the query's quotation clauses when it has
 * some (src/search/quotation-query.ts), else holding one of the words
 * searched, else (no words) any. Disjunctive like the other facets: over
 * the articles passing every filter but the speaker one. Counted on the
 * quotation table's integer arrays and the `quotes` term sequences: no text
 * is read.
 */
export function quotationSpeakerCounts(searcher: Searcher, docs: Int32Array, request: SearchRequest, matcher: QuotationMatcher | null, terms: ReadonlySet<string>): FacetValue[] {
  const table = searcher.quoteSpeakers;
  const { offsets, quoteSpeaker, sequenceField, sequenceStart, sequenceLength, aligned } = table;
  // The articles passing the other filters (facetCounts' passing array is scratch: read before the search's own call).
  const passing = facetCounts(searcher, docs, { ...request, filters: { ...request.filters, speakers: [] } }).passing;
  const wanted = termMask(matcher ? [] : [...terms].map((term) => searcher.positions.termId(term)));
  const anyQuote = !matcher && terms.size === 0;
  const counts = new Uint32Array(table.names.length);
  for (let k = 0; k < passing.length; k++) {
    const n = docs[passing[k]];
    const first = offsets[n];
    const last = offsets[n + 1];
    if (first === last) continue;
    for (let i = first; i < last; i++) {
      const speaker = quoteSpeaker[i];
      if (speaker < 0) continue;
      if (matcher) {
        if (!matcher.matchesAt(n, i)) continue;
      } else if (!anyQuote) {
        if (aligned[n] === 0 || !holdsTerm(searcher.positions.sequence(n, sequenceField[i] as 0 | 1 | 2), sequenceStart[i], sequenceStart[i] + sequenceLength[i], wanted)) continue;
      }
      counts[speaker]++;
    }
  }
  // One value per person, named as the speaker facet names them.
  const column = searcher.facets.facets.speakers;
  const byName = new Map<string, number>();
  counts.forEach((count, id) => {
    if (count === 0) return;
    const key = facetKey(table.names[id]);
    const facetId = column.idByKey.get(key);
    const name = facetId !== undefined ? column.names[facetId] : table.names[id];
    byName.set(name, (byName.get(name) ?? 0) + count);
  });
  const collator = new Intl.Collator('fr');
  return [...byName]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value))
    .slice(0, FACET_LIMIT);
}
