import type { EmitFact, Extractor, JsonSchema, ReemitFact, UnresolvedFact } from '../model.js';
import { cloneJson } from '../rust/clone-json.js';
import { crateIndex } from '../rust/crate-index.js';
import type { PendingPayload } from '../rust/items.js';
import { settleName } from '../rust/names.js';
import { schemaBuilder } from '../rust/serde-schema.js';

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
    const schemas = await schemaBuilder(index);
    const facts: Array<EmitFact | ReemitFact | UnresolvedFact> = [];
    const schemaOf = (p: PendingPayload, file: string): JsonSchema => ('schema' in p ? p.schema : schemas.schema(p.type, { file, scope: p.scope, line: p.line }, 'ser').schema);
    for (const file of index.files) {
      for (const e of file.data?.emits ?? []) {
        const name = settleName(e.name, index);
        if (name.kind === 'prefix') facts.push({ kind: 'reemit', prefix: name.prefix, loc: e.loc });
        else if (name.kind === 'unresolved') facts.push({ kind: 'unresolved', role: 'emit', expression: name.expression, reason: name.reason, loc: e.loc });
        else facts.push({ kind: 'emit', name: name.value, side: 'rust', loc: e.loc, ...(e.payload ? { payload: cloneJson(schemaOf(e.payload, file.source.rel)) } : {}) });
      }
      for (const lost of file.data?.lost ?? []) {
        if (lost.role === 'emit') facts.push({ kind: 'unresolved', role: 'emit', expression: lost.expression, reason: 'an emit in a region the Rust grammar could not read', loc: lost.loc });
      }
    }
    return { facts, findings: [] };
  },
};
