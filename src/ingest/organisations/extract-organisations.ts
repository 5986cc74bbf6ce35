import { isPlace } from '../lexicon/places.js';
import { foldKey } from '../text/fold.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { tokenize, type Token } from '../text/tokens.js';
import { isAcronymToken, isOrganisationLongForm, isParenthesisedAcronym, joined, longFormAfter, longFormStart, shoutingTokens } from './acronyms.js';
import { acronymConfirmedByContext, classNounNames, suffixedCompanyNames } from './context-names.js';
import { GENERIC_HEADS, INSTITUTION_HEADS, isMedia, isSeat, mediaTailMatcher, LOWERCASE_HEADS, LOWERCASE_DISPLAY_HEADS, NAME_PREFIXES, canonicalOrganisation, organisationMatcher } from './gazetteer.js';
import { institutionNameLast, isCapitalised } from './institution-names.js';

/**
 * Organisations named in a text, canonical and merged, most mentioned first:
 * 1. curated names and aliases (organisations.json), longest match;
 * 2. "Long Form (ACRONYM)" pairs whose long form looks like an organisation
 *    (not a tax or a measure): the long form counts as the acronym, here and
 *    elsewhere in the text;
 * 3. other acronyms, only when the text confirms them somewhere (a class
 *    noun, a member, a source, a verb of speech: context-names.ts); an
 *    all-capital word nothing confirms is not an organisation;
 * 4. an institution word (Organisation, Conseil, Parti…; ministère,
 *    préfecture… with a capitalised complement) and its complement, read by
 *    the grammar of institution names;
 * 5. capitalised names after a class noun ("le groupe Auchan") or before a
 *    company suffix ("Bombardier Inc.").
 * Every step reads a bounded window around each token: linear in the text.
 */
const CONTRACTED_ARTICLES = new Set(['du', 'au', 'des', 'aux']);
const TITLECASE_ACRONYM = /^\p{Lu}\p{Ll}{2,5}$/u;

/** "(Le Matin)", "(AFP)", "(ats/nxp)": a name alone in parentheses is a byline or a credit, not a mention. */
function isCredit(text: string, tokens: Token[], from: number, to: number): boolean {
  const before = text[tokens[from].start - 1];
  const after = text[tokens[to].end];
  return (before === '(' || before === '/') && (after === ')' || after === '/');
}

const PLACE_PREPOSITIONS = new Set(['a', 'au', 'vers', 'devant', 'dans', 'depuis', 'jusqu', 'quitter', 'quitte', 'conquerir', 'reconquerir']);

/** "reçus à l'Élysée", "marcher vers l'Élysée": the building as a place, not the institution. */
function isPlaceUse(tokens: Token[], from: number): boolean {
  let k = from - 1;
  if (k >= 0 && (tokens[k].key === 'l' || tokens[k].key === 'la' || tokens[k].key === 'le')) k--;
  return k >= 0 && PLACE_PREPOSITIONS.has(tokens[k].key);
}

const BODY_OF = /(?:\sde l['’]|\sde la\s|\sdu\s|\sdes\s|\sde\s)$/;

/** "Conseil de sécurité de l'ONU" is a body of "ONU"; "La Presse canadienne" is not one of "La Presse". */
function isBodyOf(outer: string, inner: string): boolean {
  return outer.length > inner.length && outer.endsWith(inner) && BODY_OF.test(outer.slice(0, outer.length - inner.length));
}

export function extractOrganisations(text: string): string[] {
  const tokens = tokenize(text);
  const tallies = new Map<string, { name: string; count: number; first: number }>();
  const count = (written: string, at: number) => {
    const name = written.includes('’') ? written.replace(/’/g, "'") : written;
    const key = foldKey(name);
    const tally = tallies.get(key);
    if (tally) tally.count++;
    else tallies.set(key, { name, count: 1, first: at });
  };
  const covered = new Uint8Array(tokens.length);
  const cover = (from: number, to: number) => covered.fill(1, from, to);

  let outer: { value: string; to: number } | null = null;
  for (const match of organisationMatcher.findAll(tokens)) {
    // inside a known name, a known name counts only when the outer one is one of its bodies ("Conseil de sécurité de l'ONU")
    if (covered[match.from] && !(outer && match.to <= outer.to && isBodyOf(outer.value, match.value))) continue;
    if ((isMedia(match.value) && isCredit(text, tokens, match.from, match.to - 1)) || (isSeat(match.value) && isPlaceUse(tokens, match.from))) {
      cover(match.from, match.to);
      continue;
    }
    count(match.value, tokens[match.from].start);
    if (!covered[match.from]) outer = { value: match.value, to: match.to };
    cover(match.from, match.to);
  }

  // "au Figaro", "selon un sondage du Parisien": a title's article contracted with "à" or "de"
  for (const match of mediaTailMatcher.findAll(tokens)) {
    if (covered[match.from] || match.from < 1 || !CONTRACTED_ARTICLES.has(tokens[match.from - 1].text)) continue;
    if (!joined(text, tokens[match.from - 1], tokens[match.from])) continue;
    if (match.from >= 2 && isCapitalised(tokens[match.from - 2].text) && joined(text, tokens[match.from - 2], tokens[match.from - 1])) continue; // "Coupe du Monde"
    count(match.value, tokens[match.from].start);
    cover(match.from, match.to);
  }

  const shouting = shoutingTokens(text, tokens);
  const confirmed = new Map<string, string>(); // acronym -> its value
  const rejected = new Set<string>(); // acronyms the text defines as something else ("(ISF)" after "impôt…")
  const longForms: { phrase: string; value: string }[] = [];
  const pairEnds = new Set<number>();
  for (let i = 1; i < tokens.length; i++) {
    if (covered[i] || shouting.has(i)) continue;
    if (!isParenthesisedAcronym(text, tokens, i)) {
      // "la BRI (Brigade de recherche et d'intervention)"
      const end = isAcronymToken(tokens[i]) ? longFormAfter(text, tokens, i) : -1;
      if (end < 0 || covered[i + 1]) continue;
      if (!isOrganisationLongForm(tokens, i + 1)) {
        rejected.add(tokens[i].text);
        continue;
      }
      const value = canonicalOrganisation(tokens[i].text) ?? tokens[i].text;
      confirmed.set(tokens[i].text, value);
      longForms.push({ phrase: text.slice(tokens[i + 1].start, tokens[end].end), value });
      cover(i + 1, end + 1);
      continue;
    }
    const titlecase = !isAcronymToken(tokens[i]); // "(Ofpra)", "(Giec)": only when the initials spell it
    if (titlecase && !TITLECASE_ACRONYM.test(tokens[i].text)) continue;
    const start = longFormStart(text, tokens, i, titlecase);
    if (start < 0 || covered[start]) continue;
    if (!isOrganisationLongForm(tokens, start)) {
      rejected.add(tokens[i].text);
      continue;
    }
    const value = canonicalOrganisation(tokens[i].text) ?? tokens[i].text;
    confirmed.set(tokens[i].text, value);
    longForms.push({ phrase: text.slice(tokens[start].start, tokens[i - 1].end), value });
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

  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].text;
    if (covered[i] || shouting.has(i) || confirmed.has(word) || rejected.has(word) || !isAcronymToken(tokens[i])) continue;
    if (acronymConfirmedByContext(text, tokens, i)) confirmed.set(word, canonicalOrganisation(word) ?? word);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || shouting.has(i)) continue;
    const value = confirmed.get(tokens[i].text);
    if (value === undefined) continue;
    count(value, tokens[i].start);
    covered[i] = 1;
  }

  let insideNameUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    // an institution word inside a name already read ("Bureau politique du Comité central") does not open another
    if (covered[i] || shouting.has(i) || i <= insideNameUntil) continue;
    const token = tokens[i];
    const lowercaseHead = LOWERCASE_HEADS.has(token.text);
    if (!lowercaseHead && !INSTITUTION_HEADS.has(token.text)) continue;
    const last = institutionNameLast(text, tokens, i, lowercaseHead, !GENERIC_HEADS.has(token.text));
    if (last === i) continue;
    const first = i > 0 && NAME_PREFIXES.has(tokens[i - 1].text) && joined(text, tokens[i - 1], token) ? i - 1 : i;
    let phrase = text.slice(tokens[first].start, tokens[last].end);
    if (isPlace(phrase)) continue;
    if (first === i && LOWERCASE_DISPLAY_HEADS.has(token.key)) phrase = phrase[0].toLowerCase() + phrase.slice(1);
    count(canonicalOrganisation(phrase) ?? phrase, tokens[first].start);
    cover(i, last + 1);
    insideNameUntil = last;
  }

  const countSpan = ([first, last]: [number, number]) => {
    if (covered[last] || shouting.has(last)) return;
    let phrase = text.slice(tokens[first].start, tokens[last].end);
    if (!isCapitalised(phrase)) phrase = phrase[0].toUpperCase() + phrase.slice(1);
    count(canonicalOrganisation(phrase) ?? phrase, tokens[first].start);
    cover(first, last + 1);
  };
  for (const span of classNounNames(text, tokens)) countSpan(span);
  for (const span of suffixedCompanyNames(text, tokens)) countSpan(span);

  return [...tallies.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((t) => t.name);
}
