import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabelError, readLabels } from '../eval/lib/labels.js';
import { addMatch, dateVerdict, emptyCounts, impossibleDate, matchEntities, sameSource, sameTitle, scores, titleOverlap, urlDate } from '../eval/lib/metrics.js';

describe('entity matching of the extraction evaluation', () => {
  it('matches names with accents, case and punctuation folded', () => {
    const match = matchEntities(['edouard philippe', 'JEAN-PIERRE  DUCHÊNE'], [['Édouard Philippe'], ['Jean Pierre Duchêne']]);
    expect(match.matched).toHaveLength(2);
    expect(match.falsePositives).toEqual([]);
    expect(match.misses).toEqual([]);
  });

  it('accepts any name of an entity with several, and counts the entity once', () => {
    const entities = [['Organisation des Nations unies', 'ONU', 'Nations unies'], ['Zorbek Malouvine']];
    const match = matchEntities(['ONU', 'Nations unies', 'Malouvine'], entities);
    expect(match.matched.map((m) => m.predicted)).toEqual(['ONU']);
    expect(match.falsePositives).toEqual(['Nations unies', 'Malouvine']);
    expect(match.misses).toEqual([['Zorbek Malouvine']]);
  });

  it('does not let an ambiguous prediction take the only entity another one fits', () => {
    // "Martin" fits both invented entities; "Léa Martin" only the first: both must be matched.
    const entities = [['Léa Martin', 'Martin'], ['Paul Martin', 'Martin']];
    const match = matchEntities(['Martin', 'Léa Martin'], entities);
    expect(match.matched).toHaveLength(2);
    expect(match.misses).toEqual([]);
  });

  it('micro-averages precision, recall and F1 over articles', () => {
    const counts = emptyCounts();
    addMatch(counts, matchEntities(['A B', 'C D'], [['A B']])); // 1 right, 1 false positive
    addMatch(counts, matchEntities([], [['E F'], ['G H']])); // 2 misses
    const s = scores(counts);
    expect(counts.articles).toBe(2);
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.f1).toBeCloseTo(0.4);
    expect(scores(emptyCounts())).toEqual({ precision: null, recall: null, f1: null });
  });
});

describe('dates, titles and sources of the extraction evaluation', () => {
  it('gives a verdict on a predicted date and tells impossible ones', () => {
    expect(dateVerdict('2018-12-01', '2018-12-01')).toBe('right');
    expect(dateVerdict('2018-12-02', '2018-12-01')).toBe('wrong');
    expect(dateVerdict(null, '2018-12-01')).toBe('missing');
    expect(dateVerdict('2018-12-02', null)).toBe('none-predicted');
    expect(urlDate('https://example.org/2018/11/23/titre')).toBe('2018-11-23');
    expect(urlDate('https://example.org/actualites/201812/22/01-titre.php')).toBe('2018-12-22');
    expect(impossibleDate('2018-11-24', 'https://example.org/2018/11/23/x')).toBe(true);
    expect(impossibleDate('2018-11-22', 'https://example.org/2018/11/23/x')).toBe(false);
    expect(impossibleDate('2031-01-01', null)).toBe(true);
    expect(impossibleDate(null, null)).toBe(false);
  });

  it('compares titles folded, and softly by shared words', () => {
    expect(sameTitle('Les «gilets jaunes» à Paris…', 'les gilets jaunes a paris')).toBe(true);
    expect(sameTitle('Les gilets jaunes', 'Les gilets verts')).toBe(false);
    expect(titleOverlap('Un deux trois quatre', 'Un deux trois')).toBeCloseTo(6 / 7);
    expect(titleOverlap('x', 'y')).toBe(0);
    expect(sameSource(null, null)).toBe(true);
    expect(sameSource('Le Matin', 'le matin')).toBe(true);
    expect(sameSource('Le Matin', null)).toBe(false);
  });
});

describe('label files', () => {
  it('reads a folder of label files, alternatives included, and rejects a bad one in one line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'depeches-labels-'));
    try {
      await writeFile(path.join(dir, 'a.json'), JSON.stringify({ about: 'x', articles: [{ id: 'p:1', date: null, speakers: ['Zoé Lambrecq', ['Ilan Varda', 'Varda']] }] }));
      await writeFile(path.join(dir, 'b.json'), JSON.stringify({ articles: [{ id: 'p:1', date: '2019-01-02' }, { id: 'p:2' }] }));
      const { labels, duplicates } = readLabels([dir]);
      expect(labels.size).toBe(2);
      expect(duplicates).toEqual(['p:1']);
      expect(labels.get('p:1')?.date).toBe('2019-01-02');
      await writeFile(path.join(dir, 'b.json'), JSON.stringify({ articles: [{ id: 'p:1', date: '2 janvier' }] }));
      expect(() => readLabels([dir])).toThrow(LabelError);
      expect(() => readLabels([path.join(dir, 'missing.json')])).toThrow(/labels not found/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
