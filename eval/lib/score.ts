/**
 * Scores the product's articles against the labels, per publisher and in
 * total, and keeps each article's misses and false positives for --details.
 */
import type { Article } from '../../src/ingest/index.js';
import type { ArticleLabel } from './labels.js';
import {
  addMatch,
  dateVerdict,
  emptyCounts,
  impossibleDate,
  matchEntities,
  scores,
  sameSource,
  sameTitle,
  titleOverlap,
  type Entity,
  type SetCounts,
} from './metrics.js';

export interface DateCounts {
  /** Articles whose label has a date, and how the prediction fares. */
  dated: number;
  right: number;
  wrong: number;
  missing: number;
  /** Articles whose label says there is no date. */
  undated: number;
  /** Of those, articles given a date anyway, and those whose date cannot be right. */
  predictedAnyway: number;
  impossible: number;
}

export interface TitleCounts {
  articles: number;
  same: number;
  /** Sum of the token-overlap scores (mean = overlapSum / articles). */
  overlapSum: number;
}

export interface SourceCounts {
  articles: number;
  right: number;
}

export interface PublisherScores {
  publisher: string;
  articles: number;
  speakers: SetCounts;
  organisations: SetCounts;
  dates: DateCounts;
  titles: TitleCounts;
  sources: SourceCounts;
}

export interface ArticleDetail {
  id: string;
  publisher: string;
  speakers?: { falsePositives: string[]; misses: Entity[] };
  organisations?: { falsePositives: string[]; misses: Entity[] };
  date?: { predicted: string | null; expected: string | null; verdict: string; impossible: boolean };
  title?: { predicted: string; expected: string; overlap: number };
  source?: { predicted: string | null; expected: string | null };
}

export interface Evaluation {
  byPublisher: PublisherScores[];
  total: PublisherScores;
  details: ArticleDetail[];
  /** Labelled ids the corpus does not hold. */
  unknownIds: string[];
}

function emptyScores(publisher: string): PublisherScores {
  return {
    publisher,
    articles: 0,
    speakers: emptyCounts(),
    organisations: emptyCounts(),
    dates: { dated: 0, right: 0, wrong: 0, missing: 0, undated: 0, predictedAnyway: 0, impossible: 0 },
    titles: { articles: 0, same: 0, overlapSum: 0 },
    sources: { articles: 0, right: 0 },
  };
}

/** Adds one article's label and prediction to the scores of a publisher (and the total). */
function scoreArticle(label: ArticleLabel, article: Article, into: PublisherScores[]): ArticleDetail {
  const detail: ArticleDetail = { id: label.id, publisher: into[0].publisher };
  for (const s of into) s.articles++;
  for (const field of ['speakers', 'organisations'] as const) {
    const expected = label[field];
    if (expected === undefined) continue;
    const match = matchEntities(article[field], expected);
    for (const s of into) addMatch(s[field], match);
    if (match.falsePositives.length > 0 || match.misses.length > 0) detail[field] = { falsePositives: match.falsePositives, misses: match.misses };
  }
  if (label.date !== undefined) {
    const verdict = dateVerdict(article.date, label.date);
    const impossible = verdict === 'none-predicted' && impossibleDate(article.date, article.url);
    for (const { dates } of into) {
      if (label.date === null) {
        dates.undated++;
        if (verdict === 'none-predicted') dates.predictedAnyway++;
        if (impossible) dates.impossible++;
      } else {
        dates.dated++;
        dates[verdict as 'right' | 'wrong' | 'missing']++;
      }
    }
    if (verdict !== 'right' && verdict !== 'none-right') detail.date = { predicted: article.date, expected: label.date, verdict, impossible };
  }
  if (typeof label.title === 'string' && label.title.trim() !== '') {
    const same = sameTitle(article.title, label.title);
    const overlap = titleOverlap(article.title, label.title);
    for (const { titles } of into) {
      titles.articles++;
      if (same) titles.same++;
      titles.overlapSum += overlap;
    }
    if (!same) detail.title = { predicted: article.title, expected: label.title, overlap };
  }
  if (label.source !== undefined) {
    const right = sameSource(article.source, label.source);
    for (const { sources } of into) {
      sources.articles++;
      if (right) sources.right++;
    }
    if (!right) detail.source = { predicted: article.source, expected: label.source };
  }
  return detail;
}

/**
 * Scores every labelled article. `publisherOf` names the publisher of an
 * article the label does not name (by default its file's stem).
 */
export function evaluate(labels: Map<string, ArticleLabel>, articles: Map<string, Article>, publisherOf: (article: Article) => string): Evaluation {
  const byPublisher = new Map<string, PublisherScores>();
  const total = emptyScores('total');
  const details: ArticleDetail[] = [];
  const unknownIds: string[] = [];
  for (const label of labels.values()) {
    const article = articles.get(label.id);
    if (!article) {
      unknownIds.push(label.id);
      continue;
    }
    const publisher = label.publisher ?? publisherOf(article);
    let scores = byPublisher.get(publisher);
    if (!scores) byPublisher.set(publisher, (scores = emptyScores(publisher)));
    details.push(scoreArticle(label, article, [scores, total]));
  }
  const sorted = [...byPublisher.values()].sort((a, b) => a.publisher.localeCompare(b.publisher, 'fr'));
  return { byPublisher: sorted, total, details, unknownIds };
}

/** The counts of a publisher with their ratios, for --json. */
export function withRatios(s: PublisherScores) {
  return {
    ...s,
    ratios: {
      speakers: scores(s.speakers),
      organisations: scores(s.organisations),
      dateAccuracy: s.dates.dated === 0 ? null : s.dates.right / s.dates.dated,
      titleAccuracy: s.titles.articles === 0 ? null : s.titles.same / s.titles.articles,
      titleOverlap: s.titles.articles === 0 ? null : s.titles.overlapSum / s.titles.articles,
      sourceAccuracy: s.sources.articles === 0 ? null : s.sources.right / s.sources.articles,
    },
  };
}
