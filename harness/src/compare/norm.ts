/**
 * A normalized message as a side keeps it: the shape's text (holes marked) and the placeholder
 * each hole got. Its canonical text is only put together when something needs it (a message
 * that differs, a diff): two sides that agree are compared without building one string.
 */
export class Norm {
  private rendered: string | undefined;

  constructor(
    /** JSON text with a marker where each generated value went. */
    readonly shapeText: string,
    /** Per hole, in order: its placeholder as it stands in a JSON string. Undefined: no holes. */
    readonly names: readonly string[] | undefined,
  ) {}

  /** The canonical JSON text. */
  get text(): string {
    if (this.rendered === undefined) this.rendered = this.names === undefined ? this.shapeText : fillHoles(this.shapeText, this.names);
    return this.rendered;
  }

  /** Equal canonical text; the common case (same shape, same placeholders) is decided without it. */
  same(other: Norm): boolean {
    if (this.shapeText === other.shapeText && sameNames(this.names, other.names)) return true;
    return this.text === other.text;
  }
}

// A control character never stands raw in JSON text (JSON.stringify escapes it): a safe marker.
export const HOLE = '\u0000';

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

function sameNames(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
