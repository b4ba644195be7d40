/** How deep cutover lets a target's JSON nest: far beyond any real message, far below the stack. */
export const MAX_JSON_DEPTH = 1000;

/**
 * Whether a JSON text nests arrays and objects deeper than `limit`, decided by one pass over
 * the text before it is parsed: everything downstream (comparison, redaction, schema checks)
 * walks values recursively, and a hostile 200,000-deep answer must be refused at the door, not
 * crash it with a RangeError.
 */
export function jsonDepthOver(text: string, limit = MAX_JSON_DEPTH): boolean {
  // Nesting deeper than the limit needs more opening brackets than that.
  if (text.length <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
