/** The request mix of the load tests (load-test.ts, threads.ts): live typing, facet filters, full pages, document pages. */

const QUERIES = ['relations bilatérales', 'coopération stratégique', 'Asie centrale', 'situation au Kazakhstan', 'Jeux olympiques', 'stabilité régionale'];

/** Every prefix of every query, as a person typing produces them. */
function typingPrefixes(): string[] {
  return QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, k) => q.slice(0, k + 1)).filter((p) => !p.endsWith(' ')));
}

/** What the mix needs from the server: ids and facet values to request. */
export interface LoadSample {
  total: number;
  hits: { id: string }[];
  facets: { speaker: { value: string }[]; organisation: { value: string }[] };
}

/** Asks the server itself for ids and facet values, so the index is loaded once. */
export async function sampleOf(url: string): Promise<LoadSample> {
  return (await (await fetch(`${url}/api/search?per_page=100`)).json()) as LoadSample;
}

/** The next path of the mix, request after request: 60 % live typing (htmx fragment or API), 20 % faceted, 10 % full page, 10 % document. */
export function loadMix(sample: LoadSample): () => string {
  const ids = sample.hits.map((h) => h.id);
  const speakers = sample.facets.speaker.slice(0, 20).map((f) => f.value);
  const organisations = sample.facets.organisation.slice(0, 20).map((f) => f.value);
  const prefixes = typingPrefixes();
  let k = 0;
  const pick = <T>(list: T[]) => list[k % list.length];
  return () => {
    k++;
    const q = encodeURIComponent(pick(prefixes));
    switch (k % 10) {
      case 0:
        return `/doc/${encodeURIComponent(pick(ids))}?q=${q}`;
      case 1:
        return `/search?q=${q}`;
      case 2:
        return `/api/search?q=${q}&speaker=${encodeURIComponent(pick(speakers) ?? '')}`;
      case 3:
        return `/api/search?q=${q}&org=${encodeURIComponent(pick(organisations) ?? '')}&from=2021-01-01`;
      default:
        return `/api/search?q=${q}`;
    }
  };
}
