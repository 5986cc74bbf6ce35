/**
 * Which groups of words occur in a text (anywhere, as substrings), found in
 * one scan of one regular expression: one includes() per word rescans the
 * whole text for each (slow on texts with characters beyond Latin-1, which
 * most French copy has: ’ « »). The scan resumes one character after each
 * match, so overlapping words are all seen, and a match also stands for the
 * words that are its prefixes: the answer is exactly includes()'s.
 */
export class SubstringGroups {
  private readonly pattern: RegExp;
  /** For each word, the groups of the words it starts with (itself included). */
  private readonly groupsOf = new Map<string, number[]>();
  private readonly groupCount: number;

  constructor(groups: string[][]) {
    this.groupCount = groups.length;
    const words = groups.flatMap((list, group) => list.map((word) => ({ word, group })));
    for (const { word } of words) {
      if (word === '') throw new Error('SubstringGroups: empty word');
      this.groupsOf.set(word, [...new Set(words.filter((w) => word.startsWith(w.word)).map((w) => w.group))]);
    }
    // longest first: at a position the longest word that matches there stands for its prefixes
    const alternatives = [...this.groupsOf.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = new RegExp(alternatives.join('|'), 'g');
  }

  /** For each group, whether one of its words occurs in `text`. */
  present(text: string): boolean[] {
    const found = new Array<boolean>(this.groupCount).fill(false);
    let missing = this.groupCount;
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text)) !== null) {
      for (const group of this.groupsOf.get(m[0])!) {
        if (found[group]) continue;
        found[group] = true;
        missing--;
      }
      if (missing === 0) break;
      pattern.lastIndex = m.index + 1;
    }
    pattern.lastIndex = 0;
    return found;
  }
}
