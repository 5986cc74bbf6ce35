/**
 * What passes between the benchmark's processes, as JSON files: the inputs
 * every engine is given (prepare-child.ts writes them once), and what each
 * engine's measurement child (measure-child.ts) writes back.
 */
import type { Percentiles, Throughput } from './latency.js';
import type { PeerQuery } from './peers/types.js';
import type { KnownItemQuery, RelevanceScores } from './relevance.js';

/** The same inputs for every engine: the typing session and the known-item queries, derived from depeches' articles. */
export interface BenchInputs {
  articles: number;
  skipped: number;
  /** depeches' own indexing of the corpus folder, end to end. */
  report: { read: number; build: number; save: number };
  queries: string[];
  topSpeaker: string;
  /** Every prefix of the queries, without and then with the speaker filter. */
  session: PeerQuery[];
  knownItems: KnownItemQuery[];
  rememberedItems: KnownItemQuery[];
  /** Known-item queries on the sample corpus (corpus/), built by every engine on its own. */
  sampleItems: KnownItemQuery[];
}

/** One engine's measurements, as its child writes them. */
export interface EngineMeasurement {
  name: string;
  extras: string;
  buildSeconds: number;
  indexBytes: number;
  loadSeconds: number | null;
  typing: Percentiles;
  typingFiltered: Percentiles;
  relevance: RelevanceScores;
  relevanceSample: RelevanceScores;
  relevanceRemembered: RelevanceScores;
  /** A peer's serialized index, for the parent to weigh in a process of its own; null when the index lives in a server. */
  serializedFile: string | null;
}

/** A row of the tables: the measurements plus what the parent adds (memory, HTTP), or why the engine failed. */
export interface EngineResult extends Omit<EngineMeasurement, 'serializedFile'> {
  endToEndSeconds: number;
  rssBytes: number | null;
  rssUnderLoadBytes?: number;
  http?: Percentiles;
  throughput?: Throughput;
}

export interface FailedEngine {
  name: string;
  /** "out of memory", "exit code 1: …": the child process ended without results. */
  failed: string;
  seconds: number;
}

export type EngineRow = EngineResult | FailedEngine;

export const hasFailed = (row: EngineRow): row is FailedEngine => 'failed' in row;
