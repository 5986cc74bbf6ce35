import { describe, expect, it } from 'vitest';
import { participleAt } from '../../src/ingest/quotes/indirect-speech.js';

/**
 * indirect-speech.ts finds "…ant que" with a literal pattern and reads the
 * participle backwards (participleAt), instead of a pattern that tried every
 * position of the text: the matches must be those of that pattern.
 */
const PATTERN = /(?<![\p{L}])(?:(?:tout\s+)?en\s+)?(\p{Ll}{3,})ant\s+qu(?:e\s|['’])/gu;
const ANT_QUE = /ant\s+qu(?:e\s|['’])/gu;

function byPattern(text: string): string[] {
  return [...text.matchAll(PATTERN)].map((m) => `${m.index}-${m.index + m[0].length}-${m[1]}`);
}

function byReading(text: string): string[] {
  const found: string[] = [];
  let from = 0;
  for (const c of text.matchAll(ANT_QUE)) {
    const m = participleAt(text, c.index, c.index + c[0].length, from);
    if (!m) continue;
    from = m.end;
    found.push(`${m.index}-${m.end}-${m.stem}`);
  }
  return found;
}

describe('present participle and que', () => {
  it('reads what the pattern matched, prefixes, capitals and word starts included', () => {
    const texts = [
      'Le maire a parlé, tout en soulignant que la digue tiendrait.',
      'Partout en rappelant que rien ne change.',
      'Ten affirmant que, Xsoulignant que, Nouvelant que.',
      "Elle a répondu en  martelant qu'il partirait, soulignant qu'en rappelant que tout va bien.",
      'tout  en \n admettant  que oui ; touten insistant que non ; enant que ; ééant que',
      'Il a conclu en répétantant que, 𝑎𝑏𝑐ant que, a\u0301bcant que, qu’xyzant que fin.',
      'Sans participe ici, ni que ni ant.',
    ];
    for (const text of texts) expect(byReading(text)).toEqual(byPattern(text));
    expect(byReading(texts[0])).toEqual([`18-41-soulign`]);
  });
});
