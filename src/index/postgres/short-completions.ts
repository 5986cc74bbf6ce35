/** depeches.short_completions: the most frequent terms each beginning of one or two letters completes to (live typing). */

/** Most completions stored per beginning of one or two letters: the search takes the first SHORT_COMPLETIONS of them. */
export const SHORT_COMPLETIONS_STORED = 16;

/**
 * Rebuilds depeches.short_completions from depeches.terms: for each
 * beginning of one and of two letters, its most frequent longer terms (the
 * beginning itself is not its own completion), most frequent first, ties in
 * byte order. Run whenever terms is rewritten.
 */
export const SHORT_COMPLETIONS_REFRESH = `
  DELETE FROM depeches.short_completions;
  INSERT INTO depeches.short_completions (prefix, terms)
  SELECT prefix, (array_agg(term ORDER BY documents DESC, term COLLATE "C"))[1:${SHORT_COMPLETIONS_STORED}]
  FROM (SELECT left(term, 1) AS prefix, term, documents FROM depeches.terms WHERE char_length(term) > 1
        UNION ALL
        SELECT left(term, 2), term, documents FROM depeches.terms WHERE char_length(term) > 2) beginnings
  GROUP BY prefix;`;
