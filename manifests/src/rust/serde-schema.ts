/**
 * Rust types to JSON Schema, following serde on the crate's own structs and enums. Generic
 * parameters bind to the arguments at the use site; a type met again inside its own expansion
 * is not expanded twice (the schema says so in `$comment`), so recursive types stay finite and
 * every schema is self-contained. Non-generic types are memoized per direction.
 */
import type { JsonSchema } from '../model.js';
import type { CrateIndex } from './crate-index.js';
import { DeclShapes, type DeclShape } from './decl-shape.js';
import { rustParser } from './parser.js';
import type { ModuleScope } from './items.js';
import type { TypeDecl } from './namespace.js';
import { resolveName } from './resolve.js';
import { builtinSchema, WIDE_INTEGER } from './schema-builtins.js';
import type { Direction } from './serde-attrs.js';
import { enumSchema } from './serde-enum.js';
import { fieldsOf, objectSchema, tupleSchema, type FieldConverter } from './serde-fields.js';
import { typeText, type TypeRef } from './types.js';

export interface SchemaNote {
  kind: 'wide-integer' | 'unknown-type';
  file: string;
  line: number;
  /** JSON path below the converted root: `.items[].total`. */
  path: string;
  typeText: string;
  /** For unknown types: `impl Trait` / `dyn Trait` / `fn()` have no shape; other names are not in the crate. */
  opaque?: boolean;
}

/** Where a type is written: resolution scope and the file:line notes point at. */
export interface TypeSite {
  /** Relative path of the file. */
  file: string;
  scope: ModuleScope;
  line: number;
}

type Binding = { type: TypeRef; env: Env; site: TypeSite } | { open: true };
type Env = ReadonlyMap<string, Binding>;

interface Run {
  dir: Direction;
  notes: SchemaNote[];
  stack: string[];
  /** A recursion was cut against a type outside this expansion: not memoizable. */
  cut: boolean;
}

const MAX_DEPTH = 48;
const EMPTY_ENV: Env = new Map();

export class SchemaBuilder {
  private readonly memo = new Map<string, { schema: JsonSchema; notes: SchemaNote[] }>();

  constructor(
    private readonly index: CrateIndex,
    private readonly decls: DeclShapes,
  ) {}

  /**
   * The schema of a type written at `site`, for values travelling in direction `dir`. With
   * `unwrapResult`, a top-level `Result<T, E>` (also through aliases) gives T: what a command
   * returns to the frontend on success.
   */
  schema(t: TypeRef, site: TypeSite, dir: Direction, opts: { unwrapResult?: boolean } = {}): { schema: JsonSchema; notes: SchemaNote[] } {
    const run: Run = { dir, notes: [], stack: [], cut: false };
    const schema = this.convert(t, EMPTY_ENV, site, '', run, opts.unwrapResult === true);
    return { schema, notes: run.notes };
  }

  /** A `type` alias's target as written, read on demand like any declaration. */
  aliasTarget(decl: TypeDecl): TypeRef | undefined {
    return decl.kind === 'alias' ? this.decls.shape(decl)?.alias : undefined;
  }

  private note(run: Run, kind: SchemaNote['kind'], site: TypeSite, path: string, typeText: string, opaque = false): void {
    run.notes.push({ kind, file: site.file, line: site.line, path, typeText, ...(opaque ? { opaque } : {}) });
  }

  private convert(t: TypeRef, env: Env, site: TypeSite, path: string, run: Run, unwrap = false): JsonSchema {
    switch (t.kind) {
      case 'unit':
        return { type: 'null' };
      case 'opaque':
        this.note(run, 'unknown-type', site, path, typeText(t), true);
        return {};
      case 'tuple': {
        const items = t.items.map((item, i) => this.convert(item, env, site, `${path}[${i}]`, run));
        return { type: 'array', items, minItems: items.length, maxItems: items.length };
      }
      case 'array': {
        const items = this.convert(t.element, env, site, `${path}[]`, run);
        return t.length === undefined ? { type: 'array', items } : { type: 'array', items, minItems: t.length, maxItems: t.length };
      }
      case 'path':
        return this.convertPath(t, env, site, path, run, unwrap);
    }
  }

  private convertPath(t: TypeRef & { kind: 'path' }, env: Env, site: TypeSite, path: string, run: Run, unwrap: boolean): JsonSchema {
    const only = t.segments.length === 1 ? t.segments[0]! : undefined;
    const bound = only === undefined ? undefined : env.get(only);
    if (bound) return 'open' in bound ? {} : this.convert(bound.type, bound.env, bound.site, path, run, unwrap);
    const resolved = resolveName(this.index, 'types', t.segments, site.scope);
    if ('decl' in resolved) return this.declSchema(resolved.decl, t.args, env, site, path, run, unwrap);
    const name = t.segments[t.segments.length - 1] ?? '';
    if (unwrap && name === 'Result') {
      const ok = t.args[0];
      return ok ? this.convert(ok, env, site, path, run) : {};
    }
    const builtin = builtinSchema(name, t.args, (arg, suffix) => this.convert(arg, env, site, path + suffix, run));
    if (builtin) {
      if (builtin[WIDE_INTEGER] === true) this.note(run, 'wide-integer', site, path, typeText(t));
      return builtin;
    }
    this.note(run, 'unknown-type', site, path, typeText(t));
    return {};
  }

  private declSchema(decl: TypeDecl, args: readonly TypeRef[], argEnv: Env, argSite: TypeSite, path: string, run: Run, unwrap: boolean): JsonSchema {
    const key = `${decl.file}:${decl.range.startIndex}`;
    if (run.stack.includes(key) || run.stack.length >= MAX_DEPTH) {
      run.cut = true;
      return { title: decl.name, $comment: 'recursive type, not expanded again' };
    }
    const memoKey = `${key}|${run.dir}|${unwrap && decl.kind === 'alias'}`;
    const memoizable = decl.generics.length === 0;
    let result = memoizable ? this.memo.get(memoKey) : undefined;
    if (!result) {
      const env = new Map<string, Binding>();
      decl.generics.forEach((g, i) => {
        const arg = args[i];
        env.set(g, arg ? { type: arg, env: argEnv, site: argSite } : { open: true });
      });
      const sub: Run = { dir: run.dir, notes: [], stack: [...run.stack, key], cut: false };
      const schema = this.declBody(decl, env, sub, unwrap);
      result = { schema, notes: sub.notes };
      if (sub.cut) run.cut = true;
      else if (memoizable) this.memo.set(memoKey, result);
    }
    for (const n of result.notes) run.notes.push({ ...n, path: path + n.path });
    return result.schema;
  }

  private declBody(decl: TypeDecl, env: Env, run: Run, unwrap: boolean): JsonSchema {
    const shape = this.decls.shape(decl);
    if (!shape) return {};
    const siteAt = (line: number): TypeSite => ({ file: shape.file, scope: decl.scope, line });
    const convertField: FieldConverter = (type, line, path) => this.convert(type, env, siteAt(line), path, run);
    if (decl.kind === 'alias') return shape.alias ? this.convert(shape.alias, env, siteAt(decl.line), '', run, unwrap) : {};
    const container = shape.container;
    const proxy = container.proxy[run.dir];
    if (proxy !== undefined) return this.convertProxy(proxy, decl, shape, env, run);
    const titled = (s: JsonSchema): JsonSchema => ({ title: decl.name, ...s });
    if (decl.kind === 'enum') return titled(enumSchema(shape.variants ?? [], { dir: run.dir, container }, convertField, ''));
    const body = shape.body;
    if (!body) return titled({ type: 'null' });
    const fields = body.fields;
    if (container.transparent) {
      const inner = fields.find((f) => !f.attrs.skip[run.dir]);
      return inner ? titled(convertField(inner.type, inner.line, '')) : {};
    }
    if (body.tuple) return titled(tupleSchema(fields, run.dir, convertField, ''));
    const renameAll = container.renameAll[run.dir];
    const object = objectSchema(
      fields,
      { dir: run.dir, ...(renameAll ? { renameAll } : {}), allDefault: container.default, denyUnknown: container.denyUnknownFields },
      convertField,
      '',
    );
    if (container.tag === undefined) return titled(object);
    // A struct with `tag` carries its own name under the tag key.
    const own = container.rename[run.dir] ?? decl.name;
    const properties = { ...(object.properties as Record<string, JsonSchema>), [container.tag]: { const: own } };
    const sorted: Record<string, JsonSchema> = {};
    for (const k of Object.keys(properties).sort()) sorted[k] = properties[k]!;
    const required = [...new Set([...((object.required as string[] | undefined) ?? []), container.tag])].sort();
    return titled({ ...object, properties: sorted, required });
  }

  /** `#[serde(into = "T")]` / `from` / `try_from`: the JSON is that of the named type. */
  private convertProxy(text: string, decl: TypeDecl, shape: DeclShape, env: Env, run: Run): JsonSchema {
    const site: TypeSite = { file: shape.file, scope: decl.scope, line: decl.line };
    const segments = text.replace(/\s+/g, '').split('::').filter(Boolean);
    if (text.includes('<') || segments.length === 0) {
      this.note(run, 'unknown-type', site, '', text);
      return {};
    }
    return this.convert({ kind: 'path', segments, args: [], text }, env, site, '', run);
  }
}

const builders = new WeakMap<CrateIndex, SchemaBuilder>();

/** The schema builder of a run, shared by the extractors: each type is read and converted once. */
export async function schemaBuilder(index: CrateIndex): Promise<SchemaBuilder> {
  let builder = builders.get(index);
  if (!builder) {
    builder = new SchemaBuilder(index, new DeclShapes(await rustParser(), index));
    builders.set(index, builder);
  }
  return builder;
}
