/**
 * Ranking metrics over graded judgements (0 = not relevant, 1 = partly,
 * 2 = about the topic; an unjudged article counts 0). A ranking is the list
 * of article ids an engine returned, best first.
 */

export type Judgements = Readonly<Record<string, number>>;

const grade = (judgements: Judgements, id: string): number => judgements[id] ?? 0;

/** Share of the first k places holding an article graded at least `minGrade` (an engine returning fewer than k is not forgiven the empty places). */
export function precisionAt(ranking: readonly string[], judgements: Judgements, k: number, minGrade = 1): number {
  if (k <= 0) throw new Error('k must be positive');
  let hits = 0;
  for (const id of ranking.slice(0, k)) if (grade(judgements, id) >= minGrade) hits++;
  return hits / k;
}

/** Reciprocal rank of the first article graded at least `minGrade`, 0 when none is ranked. */
export function reciprocalRank(ranking: readonly string[], judgements: Judgements, minGrade = 2): number {
  const place = ranking.findIndex((id) => grade(judgements, id) >= minGrade);
  return place < 0 ? 0 : 1 / (place + 1);
}

/** Discounted cumulative gain of the first k places, the gain being the grade (log2 discount, as in Järvelin & Kekäläinen). */
function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  grades.slice(0, k).forEach((g, i) => (sum += g / Math.log2(i + 2)));
  return sum;
}

/** nDCG@k: the ranking's DCG over the DCG of the ideal order of all judged grades; 0 when nothing is relevant. */
export function ndcgAt(ranking: readonly string[], judgements: Judgements, k: number): number {
  const ideal = dcg(Object.values(judgements).filter((g) => g > 0).sort((a, b) => b - a), k);
  if (ideal === 0) return 0;
  return dcg(ranking.map((id) => grade(judgements, id)), k) / ideal;
}

export interface QueryScores {
  p5: number;
  p10: number;
  /** Precision counting grade 2 only. */
  p5Strict: number;
  p10Strict: number;
  mrr: number;
  ndcg10: number;
}

export const SCORE_NAMES: Record<keyof QueryScores, string> = {
  p5: 'P@5',
  p10: 'P@10',
  p5Strict: 'P@5 (2)',
  p10Strict: 'P@10 (2)',
  mrr: 'MRR',
  ndcg10: 'nDCG@10',
};

export function scoreRanking(ranking: readonly string[], judgements: Judgements): QueryScores {
  return {
    p5: precisionAt(ranking, judgements, 5),
    p10: precisionAt(ranking, judgements, 10),
    p5Strict: precisionAt(ranking, judgements, 5, 2),
    p10Strict: precisionAt(ranking, judgements, 10, 2),
    mrr: reciprocalRank(ranking, judgements),
    ndcg10: ndcgAt(ranking, judgements, 10),
  };
}

export function meanScores(list: readonly QueryScores[]): QueryScores {
  const mean = (key: keyof QueryScores) => (list.length === 0 ? 0 : list.reduce((s, x) => s + x[key], 0) / list.length);
  return { p5: mean('p5'), p10: mean('p10'), p5Strict: mean('p5Strict'), p10Strict: mean('p10Strict'), mrr: mean('mrr'), ndcg10: mean('ndcg10') };
}
