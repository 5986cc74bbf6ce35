import { stopwords as oramaFrench } from '@orama/stopwords/french';
import { foldWord } from './fold.js';

/**
 * French stop words, folded. Orama's list is conservative (165 words): the
 * larger stopwords-iso list drops words that carry meaning in news ("état",
 * "deux", "premier", "contre"). We add the elided forms that the tokenizer
 * leaves behind ("jusqu'au" -> "jusqu") and a few clitics.
 */
const EXTRA = ['jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'quelqu', 'ete'];

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...oramaFrench, ...EXTRA].map((w) => foldWord(w)).filter((w) => w.length > 0),
);

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
