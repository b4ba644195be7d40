/**
 * A normalized message as a side keeps it: the shape's text (a marker where each generated value
 * went) and the placeholder each of those values got on its side. Two sides name their values
 * independently; the comparison pairs them (see Correspondence), so the text with placeholders
 * filled in is only put together for the few messages a report shows.
 */
export class Norm {
  private rendered: string | undefined;

  constructor(
    /** JSON text with HOLE where each generated value went; equal for two messages alike but for those values. */
    readonly shapeText: string,
    /** Per hole, in order: its side's placeholder (`<agent_create_session:result.id#1>`). Undefined: no holes. */
    readonly names: readonly string[] | undefined,
  ) {}

  /** The canonical JSON text, with this side's placeholders. */
  get text(): string {
    if (this.rendered === undefined) this.rendered = this.names === undefined ? this.shapeText : fillHoles(this.shapeText, this.names.map(escapeInString));
    return this.rendered;
  }

  /** The value with HOLE_OPEN + index + HOLE_CLOSE in place of each generated value (see deep-diff's leaf rule). */
  marked(): unknown {
    if (this.names === undefined) return JSON.parse(this.shapeText);
    return JSON.parse(fillHoles(this.shapeText, this.names.map((_, i) => `${HOLE_OPEN}${i}${HOLE_CLOSE}`)));
  }
}

// A control character never stands raw in JSON text (JSON.stringify escapes it): a safe marker.
export const HOLE = '\u0000';
// Inside a parsed value a hole is marked by its index between two private-use characters, which
// JSON keeps as they are; a string holding one is resolved through the side's names.
export const HOLE_OPEN = '\uE000';
export const HOLE_CLOSE = '\uE001';
export const MARKED = /\uE000(\d+)\uE001/g;

export function fillHoles(text: string, names: readonly string[]): string {
  let out = '';
  let from = 0;
  for (const name of names) {
    const at = text.indexOf(HOLE, from);
    out += text.slice(from, at) + name;
    from = at + 1;
  }
  return flat(out + text.slice(from));
}

/**
 * The same string, stored in one piece. Text built with `+=` is a tree of pieces in V8 until
 * something reads it by index; a side keeps one per message until the end, and a heap full of
 * such trees costs the garbage collector three times what flat strings do.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/** A string as it stands between the quotes of a JSON string literal. */
export function escapeInString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s).slice(1, -1) : s;
}
