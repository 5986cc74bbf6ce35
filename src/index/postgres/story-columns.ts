/**
 * The story columns of depeches.documents, computed over every article as
 * a build does (adding or removing one can regroup others): `story`, the id
 * of the first article of the article's story (src/index/stories.ts), and
 * `in_story`, whether that story holds other articles. A search groups only
 * the rows of such stories; every other match is a story of its own.
 */
import type { Article } from '../../ingest/types.js';
import { storiesOfArticles } from '../stories.js';

export interface StoryColumns {
  story: string;
  in_story: boolean;
}

export function storyColumns(articles: Article[]): Map<string, StoryColumns> {
  const firstOf = Array.from(storiesOfArticles(articles), (n) => articles[n].id);
  const members = new Map<string, number>();
  for (const story of firstOf) members.set(story, (members.get(story) ?? 0) + 1);
  return new Map(articles.map((a, n) => [a.id, { story: firstOf[n], in_story: members.get(firstOf[n])! > 1 }]));
}
