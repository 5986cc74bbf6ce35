import { isPlace } from '../lexicon/places.js';
import { foldKey } from '../text/fold.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { tokenize } from '../text/tokens.js';
import { isAcronymToken, isParenthesisedAcronym, longFormStart, shoutingTokens } from './acronyms.js';
import { INSTITUTION_HEADS, canonicalOrganisation, organisationMatcher } from './gazetteer.js';
import { institutionNameLast } from './institution-names.js';

/**
 * Organisations named in a text, canonical and merged, most mentioned first:
 * 1. curated names and aliases (organisations.json), longest match;
 * 2. "Long Form (ACRONYM)" pairs: the long form counts as the acronym, here and elsewhere in the text;
 * 3. other all-capital acronyms (2-6 letters, not roman numerals nor listed non-organisations);
 * 4. an institution word (Organisation, Conseil, Parti…) and its complement, up to a natural stop.
 */
export function extractOrganisations(text: string): string[] {
  const tokens = tokenize(text);
  const tallies = new Map<string, { name: string; count: number; first: number }>();
  const count = (name: string, at: number) => {
    const key = foldKey(name);
    const tally = tallies.get(key);
    if (tally) tally.count++;
    else tallies.set(key, { name, count: 1, first: at });
  };
  const covered = new Uint8Array(tokens.length);
  const cover = (from: number, to: number) => covered.fill(1, from, to);

  for (const match of organisationMatcher.findAll(tokens)) {
    count(match.value, tokens[match.from].start);
    cover(match.from, match.to);
  }

  const shouting = shoutingTokens(text, tokens);
  const longForms: { phrase: string; value: string }[] = [];
  const pairEnds = new Set<number>();
  for (let i = 1; i < tokens.length; i++) {
    if (covered[i] || shouting.has(i) || !isAcronymToken(tokens[i]) || !isParenthesisedAcronym(text, tokens, i)) continue;
    const start = longFormStart(text, tokens, i);
    if (start < 0) continue;
    longForms.push({ phrase: text.slice(tokens[start].start, tokens[i - 1].end), value: canonicalOrganisation(tokens[i].text) ?? tokens[i].text });
    pairEnds.add(i);
  }
  if (longForms.length > 0) {
    // the long form written elsewhere counts as the acronym; right before "(ACR)" the acronym already counts it
    for (const match of new PhraseMatcher(longForms).findAll(tokens)) {
      if (covered[match.from]) continue;
      if (!pairEnds.has(match.to)) count(match.value, tokens[match.from].start);
      cover(match.from, match.to);
    }
  }

  let insideNameUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (shouting.has(i)) continue;
    const token = tokens[i];
    if (isAcronymToken(token)) {
      // a covered acronym was counted by the matcher that covered it; one inside an institution name counts on its own
      if (!covered[i]) count(canonicalOrganisation(token.text) ?? token.text, token.start);
      continue;
    }
    // an institution word inside a name already read ("Bureau politique du Comité central") does not open another
    if (covered[i] || i <= insideNameUntil || !INSTITUTION_HEADS.has(token.text)) continue;
    const last = institutionNameLast(text, tokens, i);
    if (last === i) continue;
    const phrase = text.slice(token.start, tokens[last].end);
    if (isPlace(phrase)) continue;
    count(canonicalOrganisation(phrase) ?? phrase, token.start);
    insideNameUntil = last;
  }

  return [...tallies.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((t) => t.name);
}
