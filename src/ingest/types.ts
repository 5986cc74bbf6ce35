/**
 * The data of the ingest stage: what a file of the corpus becomes once it is
 * read, decoded, cleaned of web chrome and its metadata extracted.
 */

/** The file formats the corpus may hold, by file extension. */
export type SourceFormat = 'txt' | 'md' | 'html' | 'jsonl';

/** A quotation in an article: direct (between quotation marks) or indirect (reported by a speech verb). */
export interface Quote {
  /** The quoted words (whitespace as single spaces; the parts of a quote continued after its attribution joined by " […] "). */
  text: string;
  /** Where the quoted words start and end in the article's `text`. */
  start: number;
  end: number;
  /** Who said it, as the article names them (one value per person across the archive); null when the text does not say. */
  speaker: string | null;
  kind: 'direct' | 'indirect';
}

/** One article, ready to be indexed. */
export interface Article {
  /** Path relative to the corpus root without extension ("000_f3dc22192a66a48d", "2022/janvier/x"); for JSON Lines the line's `id`, else `stem:lineNumber`. */
  id: string;
  /** The headline, or the first sentence shortened when there is none. */
  title: string;
  /** Event or publication date as YYYY-MM-DD, null when none could be found. */
  date: string | null;
  /** The publisher when the text names it ("Xinhua"), else null. */
  source: string | null;
  /** Canonical URL when known (HTML canonical link, JSON Lines `url`, front matter). */
  url: string | null;
  /** Canonical names of the people who speak in the article, most prominent first. */
  speakers: string[];
  /** Canonical organisation names (acronym when there is one: "OTSC", "ONU"). */
  organisations: string[];
  /** Its quotations, in text order (src/ingest/quotes). */
  quotes: Quote[];
  /** Body text with the web chrome removed; paragraphs separated by a blank line. */
  text: string;
  /** Where it came from. */
  format: SourceFormat;
  /** File path relative to the corpus root, with '/' separators. */
  path: string;
  /** Hash of the raw bytes of the file it came from (sha1, hex), for incremental reindexing. */
  fileHash: string;
  /** Size in bytes and modification time (ms) of that file when it was read: a rerun skips files whose size and time did not change. */
  fileSize?: number;
  fileMtimeMs?: number;
}

/** A file that was not indexed, and why (in English, one line). */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** What reading a whole corpus folder gives. */
export interface CorpusReadResult {
  articles: Article[];
  skipped: SkippedFile[];
  /** Number of files looked at (indexed or skipped). */
  filesSeen: number;
  /** The corpus-wide spelling of a speaker's name (assembleCorpus), for quotations kept apart from their articles (the indexer's spill files). */
  spellSpeaker?: (name: string) => string;
}

/** Raised when the corpus folder itself cannot be used (missing, not a folder). */
export class CorpusError extends Error {
  override name = 'CorpusError';
}
