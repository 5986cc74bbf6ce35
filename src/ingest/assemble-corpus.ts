import type { FolderListing } from './file-walker.js';
import { speakerSpelling } from './people/canonical-names.js';
import { idFromPath } from './readers/reader.js';
import type { Article, CorpusReadResult, SkippedFile } from './types.js';

/**
 * The corpus from the articles and skipped parts of each listed file, in
 * listing order: ids made unique and speaker spellings unified across the
 * corpus.
 *
 * Ids: a file's own id (its path without extension, or `stem:line` in JSON
 * Lines) comes first, then ids given on JSON Lines records, each in listing
 * order; an id already taken is reported and the later article is indexed
 * as `id~2` (`~3`…): no article shadows another, and both stay findable.
 * (`~` is not allowed in given ids, so a suffixed id never takes one.)
 */
export function assembleCorpus(listing: FolderListing, articlesByFile: Article[][], skippedByFile: SkippedFile[][]): CorpusReadResult {
  const skipped: SkippedFile[] = [...listing.unreadable];
  const all: Article[] = [];
  for (let k = 0; k < articlesByFile.length; k++) {
    // One by one: spreading a file of 150 000 records into push() would overflow the stack.
    for (const part of skippedByFile[k]) skipped.push(part);
    for (const article of articlesByFile[k]) all.push(article);
  }
  const ownerOf = new Map<string, Article>();
  const clashes: Article[] = [];
  for (const pass of [false, true]) {
    for (const article of all) {
      if (isGivenId(article) !== pass) continue;
      if (ownerOf.has(article.id)) clashes.push(article);
      else ownerOf.set(article.id, article);
    }
  }
  const renamed = new Map<Article, string>();
  for (const article of clashes) {
    let k = 2;
    while (ownerOf.has(`${article.id}~${k}`)) k++;
    const id = `${article.id}~${k}`;
    ownerOf.set(id, article);
    renamed.set(article, id);
    const owner = ownerOf.get(article.id)!;
    skipped.push({ path: article.path, reason: `duplicate id ${article.id} (already used by ${owner.path}): indexed as ${id}` });
  }
  const articles = renamed.size === 0 ? all : all.map((article) => (renamed.has(article) ? { ...article, id: renamed.get(article)! } : article));

  const spell = speakerSpelling(articles.map((a) => a.speakers));
  const speakers = articles.map((a) => [...new Set(a.speakers.map(spell))]);
  return {
    articles: articles.map((article, i) => {
      // a quotation's speaker is spelled as the article's speakers are, across the corpus
      const quotes = article.quotes.some((q) => q.speaker !== null && spell(q.speaker) !== q.speaker)
        ? article.quotes.map((q) => (q.speaker === null ? q : { ...q, speaker: spell(q.speaker) }))
        : article.quotes;
      return sameList(article.speakers, speakers[i]) && quotes === article.quotes ? article : { ...article, speakers: speakers[i], quotes };
    }),
    skipped,
    filesSeen: listing.files.length,
    spellSpeaker: spell,
  };
}

/** True for an id given on a JSON Lines record, rather than the file's own (path, or `stem:line`). */
function isGivenId(article: Article): boolean {
  if (article.format !== 'jsonl') return false;
  const stem = idFromPath(article.path);
  return !(article.id.startsWith(`${stem}:`) && /^\d+(?:~\d+)?$/.test(article.id.slice(stem.length + 1)));
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
