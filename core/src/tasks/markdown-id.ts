/**
 * The task id a line's text starts with, in every spelling teams use for one:
 *   `PAY-1`   **PAY-5**   **`PAY-73`**   ~~`PAY-72`~~   [PAY-6]   [PAY-80](https://…/PAY-80)   PAY-7: …   PAY-8 …
 * optionally after status emoji (`✅ \`PAY-71\``). The id is what the configured pattern matches
 * once the wrapping (code span, emphasis, strike-through, brackets, a link) is taken off.
 */
export type LeadingId =
  | { kind: 'none' }
  | { kind: 'malformed'; message: string }
  /** `bare`: a word alone, with no wrapping, owner or colon after it ("PAY-8 title", but also "UTF-8 support"). */
  | { kind: 'id'; id: string; rest: string; bare: boolean };

/** Status emoji written before an id (✅ ⏳ ❌ 🚧 …), with their variation selectors and joiners. */
export const LEADING_EMOJI = /^(?:[\p{Extended_Pictographic}\u2B1C\u2B1B][\uFE0F\u200D\p{Extended_Pictographic}]*\s*)+/u;

const WRAPPERS = ['**', '__', '~~', '*'] as const;

/** The head token of `s` and its length, with its wrapping taken off; undefined when `s` starts with none. */
export function headToken(s: string): { text: string; length: number; wrapped: boolean } | undefined {
  const span = /^`([^`]*)`/.exec(s);
  if (span) return { text: span[1]!.trim(), length: span[0].length, wrapped: true };
  const wrap = WRAPPERS.find((w) => s.startsWith(w));
  if (wrap) {
    const close = s.indexOf(wrap, wrap.length);
    if (close <= wrap.length) return undefined;
    const inner = s.slice(wrap.length, close);
    const h = headToken(inner);
    return h && h.length === inner.length ? { text: h.text, length: close + wrap.length, wrapped: true } : undefined;
  }
  // [PAY-6] or [PAY-80](https://…): the bracketed (link) text.
  const link = /^\[([^\]]*)\](?:\([^)\s]*\))?/.exec(s);
  if (link) {
    const h = headToken(link[1]!.trim());
    return h && h.length === link[1]!.trim().length ? { text: h.text, length: link[0].length, wrapped: true } : undefined;
  }
  const word = /^[^\s`()[\]*~:,;]+/.exec(s);
  return word ? { text: word[0], length: word[0].length, wrapped: false } : undefined;
}

/** What separates an id from its title: `PAY-7: title`, `PAY-7 - title`, `PAY-7 — title`. */
const SEPARATOR = /^(?::|\s+[-–—](?=\s))\s*/;

export function leadingId(text: string, idPattern: RegExp): LeadingId {
  const emoji = LEADING_EMOJI.exec(text);
  const s = emoji ? text.slice(emoji[0].length) : text;
  const h = headToken(s);
  if (!h) return { kind: 'none' };
  if (idPattern.test(h.text)) {
    const after = s.slice(h.length);
    // A bare word must end where the id does: "PAY-8" yes, "PAY-8[x]" or "PAY-8*" no.
    if (!h.wrapped && after !== '' && !/^[\s:(,;]/.test(after)) return { kind: 'none' };
    const bare = !h.wrapped && !/^\s*[:(]/.test(after);
    return { kind: 'id', id: h.text, rest: after.replace(SEPARATOR, '').trim(), bare };
  }
  const span = /^`([^`]*)`/.exec(s);
  if (span) {
    // "`P0-T001 (`WS-ARCH`) …": a code span that starts with an id but swallowed more is a typo, not a title.
    const first = h.text.split(/[\s(]/)[0] ?? '';
    if (first !== h.text && idPattern.test(first)) return { kind: 'malformed', message: `task id code span "\`${span[1]}\`" is not closed right after the id "${first}"` };
  }
  return { kind: 'none' };
}

/** The letters an id starts with: `PAY` of PAY-8, `INT` of INT-P0-001, `UTF` of UTF-8. */
const prefixOf = (id: string) => /^[A-Za-z]*/.exec(id)![0];

/**
 * Which bare first words are ids: those whose prefix another id of the list shares (PAY-8 among
 * PAY-5, PAY-6 …), so a title such as "UTF-8 support" in a list of P0-T001 … stays a title.
 * Wrapped ids (`UTF-8`, **UTF-8**, [UTF-8]) and ids followed by an owner or a colon always count.
 */
export function bareIdRule(candidates: Iterable<string>): (id: string) => boolean {
  const byPrefix = new Map<string, Set<string>>();
  for (const id of candidates) {
    const p = prefixOf(id);
    if (!byPrefix.has(p)) byPrefix.set(p, new Set());
    byPrefix.get(p)!.add(id);
  }
  return (id) => (byPrefix.get(prefixOf(id))?.size ?? 0) >= 2;
}
