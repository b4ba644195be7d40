import type { Node } from 'web-tree-sitter';
import type { EmitFact, Extractor, JsonSchema, ReemitFact, UnresolvedFact } from '../model.js';
import type { RustFile } from '../rust/cache.js';
import { siteCallee } from '../rust/calls.js';
import { cloneJson } from '../rust/clone-json.js';
import { crateIndex, type CrateIndex } from '../rust/crate-index.js';
import type { Site } from '../rust/file-index.js';
import { isJsonMacro, jsonObjectKeys } from '../rust/json-macro.js';
import { localBinding } from '../rust/locals.js';
import { nameValue } from '../rust/names.js';
import { callArguments, lineOf, locOf, peel, unraw } from '../rust/nodes.js';
import { SchemaBuilder } from '../rust/serde-schema.js';
import { typeRef } from '../rust/types.js';

/**
 * Tauri's emitting methods (v1 and v2): where the event name sits, how many arguments they take,
 * and whether the payload is already-serialized JSON text (`emit_str*`), whose shape is unknown.
 */
const EMITTERS: Record<string, { name: number; arity: number; raw?: true }> = {
  emit: { name: 0, arity: 2 },
  emit_all: { name: 0, arity: 2 },
  emit_and_trigger: { name: 0, arity: 2 },
  emit_to: { name: 1, arity: 3 },
  emit_filter: { name: 0, arity: 3 },
  emit_str: { name: 0, arity: 2, raw: true },
  emit_str_to: { name: 1, arity: 3, raw: true },
  emit_str_filter: { name: 0, arity: 3, raw: true },
};

/** Qualifiers of a fully qualified call `Emitter::emit(&app, …)`. */
const EMITTER_TRAITS = new Set(['Emitter', 'Manager', 'AppHandle', 'App', 'Window', 'WebviewWindow', 'Webview']);

const LITERALS: Record<string, JsonSchema> = {
  unit_expression: { type: 'null' },
  string_literal: { type: 'string' },
  raw_string_literal: { type: 'string' },
  integer_literal: { type: 'integer' },
  float_literal: { type: 'number' },
  boolean_literal: { type: 'boolean' },
};

/** The payload's schema when it can be read off: a struct literal, a typed `let`, or a `json!` object. */
function payloadSchema(arg: Node, site: Site, file: RustFile, schemas: SchemaBuilder, depth = 0): JsonSchema | undefined {
  const node = peel(arg);
  const literal = LITERALS[node.type];
  if (literal) return { ...literal };
  const at = { file, scope: site.scope, line: lineOf(node) };
  if (node.type === 'struct_expression') {
    const name = node.childForFieldName('name');
    return name ? schemas.schema(typeRef(name), at, 'ser').schema : undefined;
  }
  if (isJsonMacro(node)) {
    const keys = jsonObjectKeys(node);
    if (!keys) return undefined;
    const properties: Record<string, JsonSchema> = {};
    for (const k of keys) properties[k] = {};
    return { type: 'object', properties, ...(keys.length > 0 ? { required: keys } : {}) };
  }
  if (node.type === 'identifier' && depth < 2) {
    const local = localBinding(unraw(node.text), site);
    if (local?.type) return schemas.schema(typeRef(local.type), at, 'ser').schema;
    if (local?.value) return payloadSchema(local.value, site, file, schemas, depth + 1);
  }
  return undefined;
}

function emitOf(site: Site, file: RustFile, index: CrateIndex, schemas: SchemaBuilder): EmitFact | ReemitFact | UnresolvedFact | undefined {
  const callee = siteCallee(site);
  if (!callee) return undefined;
  const shape = EMITTERS[callee.name];
  if (!shape) return undefined;
  let offset = 0;
  if (!callee.method) {
    // Only the fully qualified form `Emitter::emit(&app, …)`: a free `emit(…)` is not Tauri's.
    const qualifier = callee.qualifier[callee.qualifier.length - 1];
    if (qualifier === undefined || !(EMITTER_TRAITS.has(qualifier) || callee.qualifier[0] === 'tauri')) return undefined;
    offset = 1;
  }
  const args = callArguments(site.node);
  if (args.length !== shape.arity + offset) return undefined;
  const rel = file.source.rel;
  const nameArg = args[shape.name + offset]!;
  const loc = locOf(rel, callee.nameNode);
  const name = nameValue(nameArg, index, site);
  if (name.kind === 'prefix') return { kind: 'reemit', prefix: name.prefix, loc };
  if (name.kind === 'unresolved') return { kind: 'unresolved', role: 'emit', expression: name.expression, reason: name.reason, loc };
  const payloadArg = args[shape.name + offset + 1];
  const payload = payloadArg && !shape.raw ? payloadSchema(payloadArg, site, file, schemas) : undefined;
  return { kind: 'emit', name: name.value, side: 'rust', loc, ...(payload ? { payload: cloneJson(payload) } : {}) };
}

/**
 * Events the Rust side emits (`app.emit`, `emit_to`, `emit_all`, `emit_filter`,
 * `Emitter::emit(&app, …)`), names from literals or crate constants, and re-emission of
 * sidecar events under a prefix (`format!("agent:{}", ev.kind)`).
 */
export const rustEvents: Extractor = {
  id: 'rust-events',
  description: 'Events emitted from Rust (emit, emit_to, emit_all, emit_filter) and prefix re-emission of sidecar events.',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const index = await crateIndex(ctx);
    const schemas = new SchemaBuilder(index);
    const facts: Array<EmitFact | ReemitFact | UnresolvedFact> = [];
    for (const file of index.files) {
      for (const site of file.index?.calls ?? []) {
        const fact = emitOf(site, file, index, schemas);
        if (fact) facts.push(fact);
      }
    }
    return { facts, findings: [] };
  },
};
