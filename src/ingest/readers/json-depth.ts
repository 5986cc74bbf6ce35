/**
 * How deep JSON nests, found by one linear scan before JSON.parse: V8's
 * parser slows down more than linearly on very deep nesting (an array
 * nested a million levels takes four times as long as half a million), and
 * no metadata of a news article nests more than a few levels.
 */

/** JSON nested deeper is not parsed. */
export const MAX_JSON_DEPTH = 64;

/** True when the brackets and braces of `json`, outside strings, nest more than `limit` levels. */
export function jsonNestsDeeperThan(json: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return false;
}
