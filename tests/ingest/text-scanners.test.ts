import { describe, expect, it } from 'vitest';
import { findNameMentions } from '../../src/ingest/people/person-names.js';
import { findSpeechVerbs } from '../../src/ingest/people/find-speech-verbs.js';
import { foldKey } from '../../src/ingest/text/fold.js';
import { SubstringGroups } from '../../src/ingest/text/substring-groups.js';
import { collapseWhitespace } from '../../src/ingest/text/whitespace.js';
import { WordSieve } from '../../src/ingest/text/word-sieve.js';

/** foldKey of a word without spaces as the definition says it: decomposed, marks removed, lowercased, curly apostrophes straightened. */
function referenceFold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’‘`´]/g, "'");
}

describe('hand-written scanners give what the definitions give', () => {
  it('folds every Latin character as decomposing, removing marks and lowercasing would', () => {
    const differences: string[] = [];
    for (let code = 0x21; code < 0x370; code++) {
      const ch = String.fromCharCode(code);
      if (/\s/.test(ch)) continue; // spaces are collapsed, not folded
      for (const word of [ch, `Ab${ch}É`, `${ch}\u0301x`, `l’${ch}`]) if (foldKey(word) !== referenceFold(word)) differences.push(word);
    }
    expect(differences).toEqual([]);
    expect(foldKey('Élysée')).toBe('elysee');
    expect(foldKey('aujourd’hui')).toBe("aujourd'hui");
    expect(foldKey('ΣΟΦΙΑ')).toBe(referenceFold('ΣΟΦΙΑ'));
  });

  it('tells which groups of words a text holds, as includes() would', () => {
    const groups = [['lire aussi', 'dossier'], ['photo', 'crédit'], ['(@', 't.co/']];
    const gates = new SubstringGroups(groups);
    for (const text of ['', 'x', 'Voir le dossier', 'une photo de Zoé Brunel (@zoeb) t.co/abc', 'crédi', 'lire aussi', 'ph oto dossie']) {
      expect(gates.present(text)).toEqual(groups.map((words) => words.some((w) => text.includes(w))));
    }
  });

  it('never lets a sieve reject one of its words, and rejects most others', () => {
    const words = ['a', 'déclaré', 'souligne', 'été', 'ont'];
    const sieve = new WordSieve(words);
    for (const w of words) expect(sieve.mayHold(w)).toBe(true);
    expect(['maison', 'Paris', 'chantier', 'b'].filter((w) => sieve.mayHold(w))).toEqual([]);
    expect(sieve.mayHoldSpan('il a déclaré', 5, 12)).toBe(true);
  });

  it('collapses whitespace as the regular expression does, returning the same string when nothing changes', () => {
    for (const s of ['a b', 'a  b', 'a\nb', ' a\u00a0b ', 'a\t\tb', '', 'plain']) expect(collapseWhitespace(s)).toBe(s.replace(/\s+/gu, ' '));
  });

  it('reads speech verbs after elisions, hyphens and object pronouns', () => {
    const text = "Tiphaine Morvel s'est réjouie. « Non », a-t-il ajouté. Elle nous a confirmé que l'usine ouvre.";
    expect(findSpeechVerbs(text).map((v) => text.slice(v.index, v.end))).toEqual(["s'est réjouie", 'a-t-il ajouté', 'nous a confirmé']);
  });

  it('finds names after a capital outside the BMP glued to a letter (once an endless loop)', () => {
    const mentions = findNameMentions('Le logo x𝐀bc a plu, a dit Gaëlle Ternois.');
    expect(mentions.map((m) => m.name)).toContain('Gaëlle Ternois');
  });
});
