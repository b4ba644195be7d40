import os from 'node:os';
import type { Profile } from '../profiles/profile.js';
import type { CompareSettings } from '../settings.js';
import type { NoiseRule } from '../trace/types.js';
import type { Segment } from './json-path.js';
import { createDetector, findGenerated, hasGenerated, mayHoldId, type Detector } from './generated.js';
import { compileRules, type Compiled } from './rules.js';
import { Names } from './names.js';
import { fillHoles, flat, HOLE, Norm } from './norm.js';

/** A folder a run generated: a bare path is its data dir (<dataDir>); otherwise renamed to `as` (<home>). */
export type GeneratedDir = string | { path: string; as: string };

/** Which message a value belongs to: rules can be limited to one command or event type. */
export interface Scope {
  kind: 'request' | 'response' | 'event' | 'message';
  /** Command (request/response) or event type. */
  name?: string;
}

export interface NormalizeOptions {
  compare: CompareSettings;
  profile: Profile;
  noise: readonly NoiseRule[];
  /** Folders whose paths are generated on this side: its data dir (renamed to <dataDir>), its home (<home>). */
  dataDirs: readonly GeneratedDir[];
}

/**
 * A message half normalized: canonical JSON with holes where generated values go. Making
 * a shape needs no naming state, so it can happen as messages arrive; `finish` then names
 * the holes in a fixed order. Compact on purpose: a side keeps one per message until the end.
 */
export interface Shape {
  scope: string;
  /** The JSON text with HOLE where each generated value goes. */
  text: string;
  /**
   * Per hole, in order: the generated value as found, then the site it was found at (the
   * placeholder is named after the site of its first sighting). An empty site marks a map key
   * that is only renamed if the value already has a placeholder. Undefined: no holes.
   */
  refs: string[] | undefined;
}

export const MASKED = '<masked>';
export const NOISE = '<noise>';
export const TIME = '<time>';
export const EPOCH_MS = '<epoch-ms>';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const EPOCH_MIN = 946_684_800_000; // 2000-01-01
const EPOCH_MAX = 4_102_444_800_000; // 2100-01-01

/**
 * Makes two recordings comparable. One Normalizer per side: generated ids, UUIDs and temp
 * paths become placeholders named after where they were first seen
 * (`<agent_create_session:result.id#1>`), so the same value always gets the same
 * placeholder and both sides, named in the same order, agree whenever the targets behave the
 * same. Times and epoch millis become fixed tokens; ignored and transport-only paths go,
 * masked paths keep their key but not their value, learnt noise goes.
 */
export class Normalizer {
  private readonly names = new Names();
  private readonly compiled = new Map<string, Compiled>();
  private last: { key: string; c: Compiled } | undefined;
  private readonly idKeys: Set<string>;
  private readonly idPatterns: RegExp[];
  private readonly dataDirs: readonly { path: string; as: string }[];
  private readonly detector: Detector;
  private readonly stack: Segment[] = [];
  private readonly plainKeys = new Map<string, string>();
  private scopeName = '';
  private refs: string[] = [];
  private cur = '';

  constructor(private readonly o: NormalizeOptions) {
    this.idKeys = new Set(o.compare.idKeys.length ? o.compare.idKeys : ['id', 'sessionId']);
    this.idPatterns = o.compare.ids.map((r) => new RegExp(r.source, r.flags.includes('g') ? r.flags : `${r.flags}g`));
    this.dataDirs = o.compare.detect.paths ? o.dataDirs.map((d) => (typeof d === 'string' ? { path: d, as: '<dataDir>' } : d)).filter((d) => d.path.length > 1) : [];
    this.detector = createDetector(this.idPatterns, o.compare.detect.uuids, o.compare.detect.paths ? os.tmpdir() : '', o.compare.detect.idsInText);
  }

  /** Normalized value (for diffs and tests). */
  normalize(value: unknown, scope: Scope): unknown {
    return JSON.parse(this.text(value, scope));
  }

  /** Normalized value as canonical JSON text. */
  text(value: unknown, scope: Scope): string {
    return this.finish(this.shape(value, scope));
  }

  /** Phase one: everything but naming. Order-independent. */
  shape(value: unknown, scope: Scope): Shape {
    const key = scopeKey(scope);
    const c = this.rules(scope, key);
    this.scopeName = scope.name ?? scope.kind;
    this.stack.length = 0;
    this.refs = [];
    this.cur = '';
    this.walk(value, c.remove.start(), c.mask.start(), c, undefined);
    const shape: Shape = { scope: key, text: flat(this.cur), refs: this.refs.length ? this.refs : undefined };
    this.refs = [];
    this.cur = '';
    return shape;
  }

  /** Phase two: names the holes in order and returns the canonical text. */
  finish(shape: Shape): string {
    return shape.refs === undefined ? shape.text : fillHoles(shape.text, this.names.holes(shape.refs));
  }

  /** Phase two, keeping the placeholders beside the text (see Norm). */
  resolve(shape: Shape): Norm {
    return new Norm(shape.text, shape.refs === undefined ? undefined : this.names.placeholders(shape.refs));
  }

  /** When a value was first given a placeholder (for ordering), without assigning one. */
  order(value: string): number | undefined {
    return this.names.order(value);
  }

  /** The placeholder of a generated value, assigned on first sight. */
  rename(value: string, site: string): string {
    return this.names.rename(value, site);
  }

  private site(): string {
    let p = '';
    for (const s of this.stack) p += typeof s === 'number' ? '[*]' : p ? `.${s}` : s;
    return `${this.scopeName}:${p}`;
  }

  private hole(v: string, site: string): void {
    this.cur += HOLE;
    this.refs.push(v, site);
  }

  private isIdKey(key: Segment | undefined): boolean {
    if (typeof key !== 'string') return false;
    if (this.idKeys.has(key)) return true;
    return this.o.compare.idKeys.length === 0 && key.length > 2 && key.endsWith('Id');
  }

  private walk(v: unknown, rm: number[], mk: number[], c: Compiled, key: Segment | undefined): void {
    if (mk.length) {
      const m = c.mask.matched(mk);
      if (m !== -1 && m < c.masks) {
        this.cur += `"${MASKED}"`;
        return;
      }
      // Learnt noise in a text: only the part that varied is masked, the rest still compared.
      if (m !== -1 && typeof v === 'string') {
        const { prefix, suffix } = c.ends[m - c.masks]!;
        if (v.length >= prefix.length + suffix.length && v.startsWith(prefix) && v.endsWith(suffix)) {
          this.cur += JSON.stringify(`${prefix}${NOISE}${suffix}`);
          return;
        }
      }
    }
    switch (typeof v) {
      case 'string':
        return this.string(v, key);
      case 'number':
        this.cur += this.o.compare.detect.epochMillis && Number.isInteger(v) && v >= EPOCH_MIN && v <= EPOCH_MAX ? `"${EPOCH_MS}"` : JSON.stringify(v);
        return;
      case 'boolean':
        this.cur += v ? 'true' : 'false';
        return;
      case 'object':
        break;
      default:
        this.cur += 'null';
        return;
    }
    if (v === null) {
      this.cur += 'null';
      return;
    }
    const stack = this.stack;
    if (Array.isArray(v)) {
      this.cur += '[';
      let first = true;
      for (let i = 0; i < v.length; i++) {
        const r = rm.length ? c.remove.step(rm, i) : rm;
        if (r.length && c.remove.matches(r)) continue;
        if (!first) this.cur += ',';
        first = false;
        stack.push(i);
        this.walk(v[i], r, mk.length ? c.mask.step(mk, i) : mk, c, key);
        stack.pop();
      }
      this.cur += ']';
      return;
    }
    // Keys in sorted order: equal values give equal text.
    const keys = Object.keys(v);
    if (keys.length > 1) keys.sort();
    this.cur += '{';
    let first = true;
    for (const k of keys) {
      const r = rm.length ? c.remove.step(rm, k) : rm;
      if (r.length && c.remove.matches(r)) continue;
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined || typeof x === 'function') continue;
      if (!first) this.cur += ',';
      first = false;
      // A map keyed by generated ids ({ [sessionId]: … }) is renamed like the ids themselves.
      const generated = this.key(k);
      this.cur += ':';
      stack.push(generated ? '*' : k);
      this.walk(x, r, mk.length ? c.mask.step(mk, k) : mk, c, k);
      stack.pop();
    }
    this.cur += '}';
  }

  /** Writes a key; returns whether it holds a generated value. */
  private key(k: string): boolean {
    // Keys repeat in every message: decide once per key.
    const plain = this.plainKeys.get(k);
    if (plain !== undefined) {
      this.cur += plain;
      return false;
    }
    if (this.hasGenerated(k)) {
      this.literalWithHoles(k, this.site());
      return true;
    }
    // Non-UUID ids as keys: renamed only if the value is already a known id.
    if (k.length >= 6 && /\d/.test(k)) {
      this.cur += '"';
      this.hole(k, '');
      this.cur += '"';
      return true;
    }
    const json = JSON.stringify(k);
    if (this.plainKeys.size < 10_000) this.plainKeys.set(k, json);
    this.cur += json;
    return false;
  }

  private string(s: string, key: Segment | undefined): void {
    const { detect } = this.o.compare;
    if (detect.isoTimes && s.length >= 16 && s.length <= 35 && s.charCodeAt(4) === 45 && ISO_TIME.test(s)) {
      this.cur += `"${TIME}"`;
      return;
    }
    if (this.isIdKey(key)) {
      this.cur += '"';
      this.hole(s, this.site());
      this.cur += '"';
      return;
    }
    let out = s;
    // Short strings without a path separator cannot hold a UUID, a temp path or a data dir (nor, without _ or -, an id word).
    if (out.length < 32 && this.idPatterns.length === 0 && out.indexOf('/') === -1 && out.indexOf('\\') === -1 && !(this.detector.idsInText && mayHoldId(out))) {
      this.cur += JSON.stringify(out);
      return;
    }
    for (const d of this.dataDirs) if (out.includes(d.path)) out = out.split(d.path).join(d.as);
    if (this.hasGenerated(out)) this.literalWithHoles(out, this.site());
    else this.cur += JSON.stringify(out);
  }

  private hasGenerated(s: string): boolean {
    return hasGenerated(s, this.detector);
  }

  /** A JSON string literal whose generated parts (ids by pattern, UUIDs, temp entries) are holes. */
  private literalWithHoles(s: string, site: string): void {
    this.cur += '"';
    let pos = 0;
    for (const f of findGenerated(s, site, this.detector)) {
      this.cur += JSON.stringify(s.slice(pos, f.at)).slice(1, -1);
      this.hole(f.v, f.site);
      pos = f.end;
    }
    this.cur += `${JSON.stringify(s.slice(pos)).slice(1, -1)}"`;
  }

  private rules(scope: Scope, key: string): Compiled {
    // Runs of one event type are the common case: skip the lookup for them.
    if (this.last?.key === key) return this.last.c;
    let c = this.compiled.get(key);
    if (!c) this.compiled.set(key, (c = compileRules(this.o, scope, key)));
    this.last = { key, c };
    return c;
  }
}

export function scopeKey(scope: Scope): string {
  return `${scope.kind}:${scope.name ?? ''}`;
}
