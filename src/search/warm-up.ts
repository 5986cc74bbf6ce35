/**
 * The warm-up of a build's Searcher: what every search uses and the
 * Searcher makes on first use (run.ts `prepareSearch`), the typo
 * dictionary, the one-letter beginnings' responses (short-prefixes.ts), and
 * a few searches on the commonest beginnings, plain, filtered and by date,
 * so that the engine compiles the scoring and counting loops before a
 * reader's first keystrokes rather than during them.
 *
 * Two ways to run it. Whole and at once (`warmSearch`) on a build not yet
 * served, before a swap: readers keep the previous build meanwhile. In
 * steps (`warmSearchInSteps`) on the build a server has just started to
 * serve: a request waiting between two steps is answered before the next,
 * so that a first answer waits for one step at most rather than for the
 * whole warm-up (seconds at a million articles). Nothing a step makes is
 * needed for a right answer: a search before it makes it itself.
 */
import { facetFilters } from '../analysis/index.js';
import { completions } from './match-terms.js';
import { prepareEntities } from './entities.js';
import { archiveCounts } from './archive-counts.js';
import { search } from './run.js';
import type { Searcher } from './searcher.js';
import { shortPrefixWarmRequests } from './short-prefixes.js';

/** The warm-up, one step per `yield`: each is a few tables or one search. */
function* warmSteps(searcher: Searcher): Generator<void> {
  const view = searcher.postings;
  // What run.ts `prepareSearch` makes, each part a step of its own.
  completions(view, 'a');
  yield;
  archiveCounts(searcher.facets);
  yield;
  void searcher.quoteSpeakers;
  yield;
  prepareEntities(searcher);
  yield;
  const words = completions(view, 'a').concat(completions(view, 'c'), completions(view, 'p')).map(([term]) => term);
  // A typo look-up's code compiled before a reader's first unknown word.
  view.termsNear(words[0] ?? '', 1);
  yield;
  for (const request of shortPrefixWarmRequests(searcher)) {
    search(searcher, request);
    yield;
  }
  if (words.length < 4) return;
  const table = searcher.facets;
  const speakers = table.facets.speakers.names.slice(0, 1);
  const organisations = table.facets.organisations.names.slice(0, 1);
  for (const q of [words[0], `${words[0]} ${words[1]}`, `${words[2]} ${words[3].slice(0, 3)}`, `"${words[0]} ${words[1]}"`]) {
    search(searcher, { q, filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' });
    search(searcher, { q, filters: facetFilters({ speakers }), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' });
    search(searcher, { q, filters: facetFilters({ organisations }), from: '2000-01-01', to: null, page: 1, perPage: 10, sort: 'date' });
    yield;
  }
}

/** The whole warm-up at once (about half a second on 100 000 articles: mostly compile time), on a build readers do not see yet. */
export function warmSearch(searcher: Searcher): void {
  for (const _ of warmSteps(searcher));
}

/**
 * The warm-up of a build in service, in steps, the requests that came
 * meanwhile answered between two (setImmediate runs after the I/O
 * callbacks that start them). Resolves once done; `keepGoing` false stops
 * it between steps (the build was swapped out, the server is closing).
 */
export async function warmSearchInSteps(searcher: Searcher, keepGoing: () => boolean = () => true): Promise<void> {
  for (const _ of warmSteps(searcher)) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!keepGoing()) return;
  }
}
