/**
 * Which groups of words occur in a text (anywhere, as substrings), found in
 * one pass over it: the words are indexed by their first two characters,
 * so a position costs two character reads and a table look-up, where one
 * includes() per word rescans the whole text for each (slow on texts with
 * characters beyond Latin-1, which most French copy has: ’ « »).
 */
export class SubstringGroups {
  /** Words by the low bytes of their first two code units, with the index of their group (a shared slot only costs a startsWith). */
  private readonly byStart: ({ word: string; group: number }[] | undefined)[] = new Array(0x10000).fill(undefined);
  /** Whether any word's first code unit has this low byte. */
  private readonly firstBytes = new Uint8Array(0x100);
  private readonly groupCount: number;

  constructor(groups: string[][]) {
    this.groupCount = groups.length;
    groups.forEach((words, group) => {
      for (const word of words) {
        if (word.length < 2) throw new Error(`SubstringGroups: "${word}" is shorter than two characters`);
        const slot = startSlot(word.charCodeAt(0), word.charCodeAt(1));
        (this.byStart[slot] ??= []).push({ word, group });
        this.firstBytes[word.charCodeAt(0) & 0xff] = 1;
      }
    });
  }

  /** For each group, whether one of its words occurs in `text`. */
  present(text: string): boolean[] {
    const found = new Array<boolean>(this.groupCount).fill(false);
    let missing = this.groupCount;
    const last = text.length - 1;
    for (let i = 0; i < last; i++) {
      const first = text.charCodeAt(i);
      if (this.firstBytes[first & 0xff] === 0) continue;
      const words = this.byStart[startSlot(first, text.charCodeAt(i + 1))];
      if (words === undefined) continue;
      for (const { word, group } of words) {
        if (found[group] || !text.startsWith(word, i)) continue;
        found[group] = true;
        if (--missing === 0) return found;
      }
    }
    return found;
  }
}

function startSlot(first: number, second: number): number {
  return ((first & 0xff) << 8) | (second & 0xff);
}
