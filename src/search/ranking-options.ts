/**
 * The tuning constants of relevance ranking, in one place, with why each
 * has its value. The ranking rules, in order (src/search/evaluate.ts):
 *
 * 1. Articles holding every word before those missing one (the partial
 *    fill), and among those missing one, the share of the query's
 *    information they hold (coverage).
 * 2. Exactness (exactness.ts): a rank step per word held in the form typed.
 * 3. BM25 (postings.ts, MiniSearch's BM25+), grown for words typed that
 *    stand in the title or the lead (exactness.ts) and for words standing
 *    together (proximity.ts).
 *
 * Every rule reads only the query, the index and the article: nothing is
 * fitted to a publisher, a topic or a name. Which words match (stems,
 * completions, typos) is match-options.ts; this is how the matches are
 * ordered, by the embedded engine (PostgreSQL ranks with ts_rank_cd).
 */
export const RANKING = {
  /**
   * How many of the best-scored matches exactness, title and lead are
   * checked on: a first page. Each check may read a text, so more cost
   * typing speed; 20 or 40 gained nothing on the labelled queries.
   */
  exactCandidates: 10,
  /**
   * Characters of the text that count as its lead, cut at the next space:
   * the first sentence or two of a news article say what it is about (the
   * inverted pyramid), a word there is a topic and not a passing mention.
   */
  leadCharacters: 250,
  /**
   * Rank steps of a word held in the form typed. A factor instead (the
   * score times 1 + f x the share of words in the form typed, f from 0.5
   * to 10) ranked the labelled queries a little better (MRR 0.830 -> 0.842,
   * nDCG@10 0.793 -> 0.801, P@5 the same) but lost known items remembered
   * from the body (MRR 0.958 -> 0.946-0.950): a step it stays.
   */
  exactStep: 1,
  /**
   * BM25 grows by this share when every word typed stands, in the form
   * typed, in the title or the lead (in proportion for some of them): 1.5
   * lets a headline on the topic pass a long text repeating the words
   * (P@5 0.727 -> 0.737 on the labelled queries). A rank step instead (the
   * title or lead before any BM25) scored the same P@5 but lost twice as
   * much on the known items remembered from the middle of a body (0.961 ->
   * 0.953 instead of 0.958): a soft factor keeps a strong body match.
   * 1 or 2.5 scored P@5 0.751 and 0.761 (MRR 0.826); the share weighted by
   * each word's inverse document frequency instead of counted, P@5 0.751.
   * (BM25's own k1 0.9-1.6 and b 0.5-0.85, postings.ts, moved P@5 by 0.005
   * at most.)
   */
  titleOrLeadBonus: 1.5,
  /**
   * Fewer full matches than this (a page) are followed by the articles
   * missing one word, any one, ranked by coverage (evaluate.ts). Missing
   * always the commonest word instead scored P@5 0.741 (0.761), missing
   * the last word typed P@10 0.551 (0.568). Counting the full matches'
   * stories rather than articles (a page shows stories), P@10 +0.003:
   * not worth a second count.
   */
  partialFill: 10,
  /**
   * Queries of this many words or more get the partial fill. Two: a
   * two-word query that few articles answer ("blessés flash-ball") goes
   * on with the articles holding one of the words, the rarer first
   * (coverage), marked as missing one: a page of three hits hides the
   * articles that say "LBD" for "flash-ball".
   */
  partialMinWords: 2,
  /** Matches checked for words standing together (proximity.ts). */
  proximityCandidates: 100,
  /** Words at most this many positions apart count as standing together ("Asie centrale", "Asie, en centrale"...). */
  proximityWindow: 3,
  /** Score bonus of a match whose query words all stand together, in its title or text. */
  proximityBonus: 0.5,
} as const;
