import { tokenize, type Token } from './tokens.js';
import { WordSieve } from './word-sieve.js';

/**
 * Finds known phrases (aliases of organisations, people) in tokenised text
 * with a word trie: one walk per token, whatever the number of phrases.
 * Words match without regard to accents; a word capitalised in the phrase
 * must be capitalised in the text ("Le Monde" is not "le monde"), and an
 * all-capital acronym must be written in capitals ("ONU", not "Onu").
 */

type CaseRule = 'any' | 'capital' | 'exact';

interface Terminal {
  value: string;
  rules: CaseRule[];
  texts: string[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminals?: Terminal[];
}

export interface PhraseMatch {
  value: string;
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
}

const ALL_CAPITALS = /^(?=.*\p{L})[\p{Lu}\p{N}-]{2,}$/u;
const CAPITALISED = /^\p{Lu}/u;

function caseRuleOf(word: string): CaseRule {
  if (ALL_CAPITALS.test(word)) return 'exact';
  return CAPITALISED.test(word) ? 'capital' : 'any';
}

function obeys(rule: CaseRule, expected: string, actual: string): boolean {
  if (rule === 'any') return true;
  if (rule === 'exact') return expected === actual;
  return CAPITALISED.test(actual);
}

export class PhraseMatcher {
  private readonly root: TrieNode = { children: new Map() };

  /** First words of the phrases, for a large matcher (a sieve costs a 256 kB table: not worth it for a text's few phrases). */
  private readonly firstWords: WordSieve | null;

  constructor(entries: Iterable<{ phrase: string; value: string }>) {
    for (const { phrase, value } of entries) this.add(phrase, value);
    this.firstWords = this.root.children.size > 64 ? new WordSieve(this.root.children.keys()) : null;
  }

  private add(phrase: string, value: string): void {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) return;
    let node = this.root;
    for (const token of tokens) {
      let next = node.children.get(token.key);
      if (!next) {
        next = { children: new Map() };
        node.children.set(token.key, next);
      }
      node = next;
    }
    (node.terminals ??= []).push({ value, rules: tokens.map((t) => caseRuleOf(t.text)), texts: tokens.map((t) => t.text) });
  }

  private terminalAt(node: TrieNode, tokens: Token[], from: number): Terminal | null {
    if (!node.terminals) return null;
    for (const terminal of node.terminals) {
      if (terminal.rules.every((rule, k) => obeys(rule, terminal.texts[k], tokens[from + k].text))) return terminal;
    }
    return null;
  }

  /** Longest match starting at each token; matches may overlap when they start at different tokens. */
  findAll(tokens: Token[]): PhraseMatch[] {
    const matches: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (this.firstWords !== null && !this.firstWords.mayHold(tokens[i].key)) continue;
      let node = this.root.children.get(tokens[i].key);
      let best: PhraseMatch | null = null;
      let j = i;
      while (node) {
        j++;
        const terminal = this.terminalAt(node, tokens, i);
        if (terminal) best = { value: terminal.value, from: i, to: j };
        if (j >= tokens.length) break;
        node = node.children.get(tokens[j].key);
      }
      if (best) matches.push(best);
    }
    return matches;
  }

  /** The value of a phrase that is exactly a known alias, whatever its case, else null. */
  lookup(phrase: string): string | null {
    let node: TrieNode | undefined = this.root;
    for (const token of tokenize(phrase)) {
      node = node.children.get(token.key);
      if (!node) return null;
    }
    return node === this.root ? null : (node.terminals?.[0]?.value ?? null);
  }
}
