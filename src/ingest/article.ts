import { cleanDocument } from './chrome/clean.js';
import { chooseDate, normaliseGivenDate } from './dates/extract-date.js';
import { canonicalOrganisation } from './organisations/gazetteer.js';
import { extractOrganisations } from './organisations/extract-organisations.js';
import { curatedSpelling } from './people/canonical-names.js';
import { extractSpeakers } from './people/extract-speakers.js';
import { extractSource } from './source.js';
import { headlineFromSlug } from './text/slug-headline.js';
import { titleFromParagraphs } from './title.js';
import type { Article, SourceFormat } from './types.js';

/** Metadata a reader already knows (front matter, JSON Lines fields, HTML tags); it wins over extraction. */
export type GivenMetadata = Partial<Pick<Article, 'title' | 'date' | 'source' | 'url' | 'speakers' | 'organisations'>>;

export interface ArticleInput {
  id: string;
  path: string;
  format: SourceFormat;
  /** Decoded text (for HTML and Markdown: the text already taken out of the markup). */
  text: string;
  fileHash: string;
  given?: GivenMetadata;
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : trimmed;
}

function distinct(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** Cleans the text of its chrome and fills in the metadata the reader did not give. */
export function articleFromText(input: ArticleInput): Article {
  const given = input.given ?? {};
  const doc = cleanDocument(input.text);
  const body = doc.paragraphs.join('\n\n');

  const url = nonEmpty(given.url);
  const title = nonEmpty(given.title) ?? (nonEmpty(headlineFromSlug(url, body)) || titleFromParagraphs(doc.paragraphs) || input.id);
  const date = (given.date != null ? normaliseGivenDate(given.date) : null) ?? chooseDate(doc, url);
  const speakers = given.speakers?.length
    ? distinct(given.speakers.map((name) => curatedSpelling(name) ?? name))
    : extractSpeakers(body, doc.editorNames);
  const organisations = given.organisations?.length
    ? distinct(given.organisations.map((name) => canonicalOrganisation(name) ?? name))
    : extractOrganisations(body);

  // The headline is the title: keep it out of the text so pages and snippets do not repeat it.
  const withoutHeadline = doc.paragraphs.length > 1 && doc.paragraphs[0] === title ? doc.paragraphs.slice(1).join('\n\n') : body;

  return {
    id: input.id,
    title,
    date,
    source: nonEmpty(given.source) ?? extractSource(input.text),
    url,
    speakers,
    organisations,
    text: withoutHeadline,
    format: input.format,
    path: input.path,
    fileHash: input.fileHash,
  };
}
