/**
 * Reading label files (eval/labels/extraction/*.json). A label file holds
 * {"about": "...", "articles": [...]}; each article is identified by the
 * product's id. A field left out of an article is not scored for it; a
 * field set to null says "there is none" (no date, no source).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { toEntity, type Entity } from './metrics.js';

const nameEntry = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const labelledArticle = z.object({
  id: z.string().min(1),
  publisher: z.string().optional(),
  title: z.string().nullable().optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d\d-\d\d$/, 'a date is YYYY-MM-DD')
    .nullable()
    .optional(),
  dateEvidence: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  speakers: z.array(nameEntry).optional(),
  organisations: z.array(nameEntry).optional(),
  notes: z.string().nullable().optional(),
});

const labelFile = z.object({
  about: z.string().optional(),
  articles: z.array(labelledArticle),
});

export interface ArticleLabel {
  id: string;
  publisher?: string;
  title?: string | null;
  date?: string | null;
  dateEvidence?: string | null;
  source?: string | null;
  speakers?: Entity[];
  organisations?: Entity[];
  notes?: string | null;
  /** The label file it came from. */
  file: string;
}

/** Raised for a label path or file that cannot be used; its message is one line for the user. */
export class LabelError extends Error {
  override name = 'LabelError';
}

/** The label files a path stands for: the file itself, or every *.json of a folder. */
export function labelFiles(target: string): string[] {
  if (!existsSync(target)) throw new LabelError(`labels not found: ${target}`);
  if (!statSync(target).isDirectory()) return [target];
  const files = readdirSync(target)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(target, f));
  if (files.length === 0) throw new LabelError(`no *.json label file in ${target}`);
  return files;
}

export function readLabelFile(file: string): ArticleLabel[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LabelError(`${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = labelFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LabelError(`${file}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return parsed.data.articles.map((a) => ({
    ...a,
    speakers: a.speakers?.map(toEntity),
    organisations: a.organisations?.map(toEntity),
    file,
  }));
}

/**
 * All labels of the given paths, by article id. An id labelled twice keeps
 * the later label (files in the order given, a folder's in name order) and
 * is reported in `duplicates`.
 */
export function readLabels(targets: readonly string[]): { labels: Map<string, ArticleLabel>; files: string[]; duplicates: string[] } {
  const labels = new Map<string, ArticleLabel>();
  const duplicates: string[] = [];
  const files = targets.flatMap(labelFiles);
  for (const file of files) {
    for (const label of readLabelFile(file)) {
      if (labels.has(label.id)) duplicates.push(label.id);
      labels.set(label.id, label);
    }
  }
  return { labels, files, duplicates };
}
