import { depeches } from './depeches.js';
import { flexSearch } from './flexsearch.js';
import { lunrFr } from './lunr.js';
import { miniSearchBare } from './minisearch-bare.js';
import { miniSearchFrench } from './minisearch-french.js';
import { orama } from './orama.js';
import { postgres } from './postgres.js';
import type { Peer } from './types.js';

/** The peers compared with depeches, by short name (for --peers). */
export const PEERS: Record<string, () => Peer> = {
  'minisearch': miniSearchBare,
  'minisearch-fr': miniSearchFrench,
  orama,
  flexsearch: flexSearch,
  lunr: lunrFr,
  postgres,
};
export { depeches };
export type { Peer, PeerQuery } from './types.js';
