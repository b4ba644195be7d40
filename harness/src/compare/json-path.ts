/**
 * Dotted JSON paths, the one path syntax of the harness: `result.sessions[0].title`.
 * Patterns add `*` (one key or index) and `**` (any depth): `data.*.createdAt`, `**.pid`.
 */
export type Segment = string | number;

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  if (path === '' || path === '$') return out;
  for (const part of path.replace(/^\$\.?/, '').split('.')) {
    const m = /^([^[\]]*)((?:\[[^\]]*\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[([^\]]*)\]/g)) out.push(/^\d+$/.test(idx[1]!) ? Number(idx[1]) : idx[1] === '*' ? '*' : idx[1]!);
  }
  return out;
}

export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out || '(root)';
}

export function getPath(value: unknown, path: string | readonly Segment[]): unknown {
  let node = value;
  for (const s of typeof path === 'string' ? parsePath(path) : path) {
    // Own keys only: a key named __proto__ in a message is data, and one that is absent is absent.
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, s)) return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}

/** Removes the value at a concrete path; returns whether something was there. */
export function deletePath(value: unknown, path: readonly Segment[]): boolean {
  if (path.length === 0) return false;
  const parent = getPath(value, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (parent === null || typeof parent !== 'object' || !Object.hasOwn(parent, last)) return false;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else delete (parent as Record<string | number, unknown>)[last];
  return true;
}

/**
 * A compiled set of patterns, walked alongside a value: `start()` gives the state at the
 * root, `step(state, key)` the state one level down, `matches(state)` whether a pattern
 * ends here. States are small arrays of pattern positions, so many rules stay cheap.
 */
export class PathMatcher {
  private readonly patterns: Segment[][];

  constructor(paths: readonly string[]) {
    this.patterns = paths.map(parsePath);
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  private initial: number[] | undefined;

  /** The state at the root (shared and never mutated: step() always returns a new array). */
  start(): number[] {
    return (this.initial ??= this.close(this.patterns.map((_, i) => pack(i, 0))));
  }

  // Transitions already taken, per state: every message of a kind walks the same keys, and a new
  // array per key and message is most of what a comparison would leave for the garbage collector.
  private readonly memo = new WeakMap<readonly number[], Map<Segment, number[]>>();

  step(state: readonly number[], key: Segment): number[] {
    if (state.length === 0) return EMPTY;
    let known = this.memo.get(state);
    const hit = known?.get(key);
    if (hit) return hit;
    const next = this.advance(state, key);
    if (!known) this.memo.set(state, (known = new Map()));
    if (known.size < 1000) known.set(key, next);
    return next;
  }

  private advance(state: readonly number[], key: Segment): number[] {
    const next: number[] = [];
    for (const st of state) {
      const p = this.patterns[st >> 8]!;
      const pos = st & 0xff;
      const seg = p[pos];
      if (seg === undefined) continue;
      if (seg === '**') {
        next.push(st); // ** swallows this key and stays
        continue;
      }
      if (seg === '*' || seg === key || (typeof key === 'number' && seg === String(key))) next.push(st + 1);
    }
    return next.length ? this.close(next) : EMPTY;
  }

  matches(state: readonly number[]): boolean {
    for (const st of state) if ((st & 0xff) === this.patterns[st >> 8]!.length) return true;
    return false;
  }

  /** Which pattern (its index in the list given) ends here, or -1. */
  matched(state: readonly number[]): number {
    for (const st of state) if ((st & 0xff) === this.patterns[st >> 8]!.length) return st >> 8;
    return -1;
  }

  /** A `**` may also match nothing: add the position after it. */
  private close(states: number[]): number[] {
    for (let i = 0; i < states.length; i++) {
      const st = states[i]!;
      if (this.patterns[st >> 8]![st & 0xff] === '**' && !states.includes(st + 1)) states.push(st + 1);
    }
    return states;
  }
}

const EMPTY: number[] = [];
const pack = (pattern: number, pos: number) => (pattern << 8) | pos;
