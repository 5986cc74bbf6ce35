import { cleanDocument } from './chrome/clean.js';
import { chooseDate, normaliseGivenDate } from './dates/extract-date.js';
import { canonicalOrganisation } from './organisations/gazetteer.js';
import { extractOrganisations } from './organisations/extract-organisations.js';
import { curatedSpelling } from './people/canonical-names.js';
import { SpeakerFinder, speakersOfEvents } from './people/extract-speakers.js';
import { extractQuotes } from './quotes/extract-quotes.js';
import { extractSource } from './source.js';
import { headlineFromSlug } from './text/slug-headline.js';
import { titleFromParagraphs } from './title.js';
import type { Article, Quote, SourceFormat } from './types.js';
import type { SpeechEvent } from './people/extract-speakers.js';
import { personKey } from './text/fold.js';

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
  // one reading of who speaks, for the speakers and the quotations
  const speechEvents = new SpeakerFinder(body).find();
  const speakers = given.speakers?.length
    ? distinct(given.speakers.map((name) => curatedSpelling(name) ?? name))
    : speakersOfEvents(speechEvents, doc.editorNames);
  const organisations = given.organisations?.length
    ? distinct(given.organisations.map((name) => canonicalOrganisation(name) ?? name))
    : extractOrganisations(body);

  // The headline is the title: keep it out of the text so pages and snippets do not repeat it.
  const withoutHeadline = doc.paragraphs.length > 1 && doc.paragraphs[0] === title ? doc.paragraphs.slice(1).join('\n\n') : body;
  const quotes = quotesOfText(body, speechEvents, body.length - withoutHeadline.length, speakers);

  return {
    id: input.id,
    title,
    date,
    source: nonEmpty(given.source) ?? extractSource(input.text),
    url,
    speakers,
    organisations,
    quotes,
    text: withoutHeadline,
    format: input.format,
    path: input.path,
    fileHash: input.fileHash,
  };
}

/**
 * The quotations of the body, placed in the text without its headline
 * (`shift` characters shorter), a speaker spelled as in the article's
 * speakers when it is one of them; a quotation inside the headline is left out.
 */
function quotesOfText(body: string, events: SpeechEvent[], shift: number, speakers: string[]): Quote[] {
  const spelling = new Map(speakers.map((name) => [personKey(name), name]));
  return extractQuotes(body, events)
    .filter((q) => q.start >= shift)
    .map((q) => ({ ...q, start: q.start - shift, end: q.end - shift, speaker: q.speaker === null ? null : (spelling.get(personKey(q.speaker)) ?? q.speaker) }));
}
