/**
 * Which groups of words occur in a text (anywhere, as substrings), found in
 * one pass over it: the words are indexed by their first two characters,
 * so a position costs two character reads and a table look-up, where one
 * includes() per word rescans the whole text for each (slow on texts with
 * characters beyond Latin-1, which most French copy has: ’ « »).
 */
export class SubstringGroups {
  /** Words by (first code unit << 16 | second code unit), with the index of their group. */
  private readonly byStart = new Map<number, { word: string; group: number }[]>();
  /** Whether any word starts with this code unit (first units < 0x10000). */
  private readonly firstUnits = new Uint8Array(0x10000);
  private readonly groupCount: number;

  constructor(groups: string[][]) {
    this.groupCount = groups.length;
    groups.forEach((words, group) => {
      for (const word of words) {
        if (word.length < 2) throw new Error(`SubstringGroups: "${word}" is shorter than two characters`);
        const start = (word.charCodeAt(0) << 16) | word.charCodeAt(1);
        const list = this.byStart.get(start);
        if (list) list.push({ word, group });
        else this.byStart.set(start, [{ word, group }]);
        this.firstUnits[word.charCodeAt(0)] = 1;
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
      if (this.firstUnits[first] === 0) continue;
      const words = this.byStart.get((first << 16) | text.charCodeAt(i + 1));
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
