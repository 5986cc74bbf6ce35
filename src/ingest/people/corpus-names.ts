import { isFullName } from './person-names.js';

/**
 * Which people of a corpus are one: across the articles, a surname alone
 * ("Castaner", "Di Maio", "Le Maire" with its title dropped) is the one full
 * name of the corpus that ends with it ("Christophe Castaner"); two full
 * names with the same first names and surnames one letter apart
 * ("Priscillia Ludosky" / "Priscillia Ludovsky", one publisher's typo) are
 * one person. Returns, for each personKey, the key of the person it is.
 */

const MIN_SURNAME_FOR_TYPO = 5;

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    // path compression keeps every later find short
    let node = key;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  union(a: string, b: string, preferred: (x: string, y: string) => string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const root = preferred(ra, rb);
    this.parent.set(ra, root);
    this.parent.set(rb, root);
  }
}

/** The surname with each letter left out once: two surnames one edit apart share one of these (or one is the other's). */
function deletions(surname: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < surname.length; i++) out.push(surname.slice(0, i) + surname.slice(i + 1));
  return out;
}

/**
 * Maps each key to the key of the person it stands for. `counts` gives how
 * many articles name each key; the more frequent key of a typo pair wins,
 * the full name always wins over a surname.
 */
export function mergePeople(counts: Map<string, number>): Map<string, string> {
  const sets = new UnionFind();
  const moreFrequent = (x: string, y: string) => {
    const cx = counts.get(x) ?? 0;
    const cy = counts.get(y) ?? 0;
    return cx > cy || (cx === cy && x < y) ? x : y;
  };
  const fullKeys = [...counts.keys()].filter(isFullName);
  const isFull = new Set(fullKeys);

  // typos: same first words, surnames one edit apart
  const byVariant = new Map<string, string[]>();
  for (const key of fullKeys) {
    const space = key.lastIndexOf(' ');
    const given = key.slice(0, space);
    const surname = key.slice(space + 1);
    if (surname.length < MIN_SURNAME_FOR_TYPO) continue;
    for (const variant of [surname, ...deletions(surname)]) {
      const slot = `${given} ${variant}`;
      const list = byVariant.get(slot);
      if (list) list.push(key);
      else byVariant.set(slot, [key]);
    }
  }
  for (const keys of byVariant.values()) for (let i = 1; i < keys.length; i++) sets.union(keys[0], keys[i], moreFrequent);

  // A surname alone: the one person of the corpus whose full name ends with it. Only each
  // person's own name counts (the set's root, the spelling it is written as), not the
  // spellings merged into it: "Moussa Mouve" taken as a typo of "Moussa Mouva" leaves
  // "Rachid Mouve" the only Mouve. So the rule gives the same answer on names it has
  // already rewritten, which a rebuild reusing stored articles feeds it again.
  const peopleBySurnameTail = new Map<string, Set<string>>();
  for (const key of fullKeys) {
    if (sets.find(key) !== key) continue;
    const words = key.split(' ');
    for (let k = 1; k < words.length; k++) {
      const tail = words.slice(k).join(' ');
      const people = peopleBySurnameTail.get(tail) ?? new Set<string>();
      people.add(key);
      peopleBySurnameTail.set(tail, people);
    }
  }
  const mapping = new Map<string, string>();
  for (const key of counts.keys()) {
    let person = sets.find(key);
    if (!isFull.has(key)) {
      const people = peopleBySurnameTail.get(key);
      if (people && people.size === 1) person = [...people][0];
    }
    mapping.set(key, person);
  }
  return mapping;
}
