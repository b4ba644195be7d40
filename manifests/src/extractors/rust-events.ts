import type { EmitFact, Extractor, JsonSchema, Loc, ReemitFact, UnresolvedFact } from '../model.js';
import { cloneJson } from '../rust/clone-json.js';
import { crateIndex } from '../rust/crate-index.js';
import type { PendingPayload } from '../rust/items.js';
import { settleName, type NameValue } from '../rust/names.js';
import { schemaBuilder } from '../rust/serde-schema.js';

/** What to do about a Rust emit whose name is not known: Rust's own options, not the sidecar's. */
function emitHint(name: NameValue & { kind: 'unresolved' }, loc: Loc): string {
  const accept = `or accept it with manifests.check.ignore ({ id: 'unresolved-name', file: '${loc.file}', reason: '…' })`;
  if (name.param !== undefined) {
    return `The name is known only at run time, from whoever calls this helper. Calls are followed only for a helper named like Tauri's emitting methods (\`fn emit(…)\`, \`Handle::emit("x", …)\`), whose callers' literal or const names become its emits: rename the helper so, emit with a literal or const name, ${accept}.`;
  }
  return `Use a string literal or a const (also an associated const, \`Events::SAVED\`). A name that carries a run-time id (format!("output:{}", id)) stays unresolved: listens of names that start the same way are matched against it; ${accept}.`;
}

/**
 * Events the Rust side emits (`app.emit`, `emit_to`, `emit_all`, `emit_filter`,
 * `Emitter::emit(&app, …)`), names from literals or crate constants, re-emission of sidecar
 * events under a prefix (`format!("agent:{}", ev.kind)`), and calls of the crate's own emit
 * wrapper of the same name (`Handle::emit("x", …)` where that fn emits its parameter).
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
    const push = (name: NameValue, loc: Loc, payload?: () => JsonSchema): void => {
      if (name.kind === 'prefix') facts.push({ kind: 'reemit', prefix: name.prefix, expression: name.expression, loc });
      else if (name.kind === 'unresolved') facts.push({ kind: 'unresolved', role: 'emit', expression: name.expression, reason: name.reason, hint: emitHint(name, loc), loc });
      else facts.push({ kind: 'emit', name: name.value, side: 'rust', loc, ...(payload ? { payload: cloneJson(payload()) } : {}) });
    };
    // The crate's own wrappers (`fn emit(event: &str, …) { app.emit(event, …) }`): their calls emit.
    const wrappers = new Map<string, number>();
    for (const file of index.files) for (const e of file.data?.emits ?? []) if (e.wrapper) wrappers.set(e.wrapper.name, e.wrapper.index);
    const reached = new Set<string>();
    for (const file of index.files) {
      for (const call of file.data?.wrapperCalls ?? []) {
        const at = wrappers.get(call.callee);
        const arg = at === undefined ? undefined : call.args[at];
        if (!arg) continue;
        reached.add(call.callee);
        push(settleName(arg, index), call.loc);
      }
    }
    for (const file of index.files) {
      for (const e of file.data?.emits ?? []) {
        // A wrapper's own emit is reported only when no call of it was found.
        if (e.wrapper && reached.has(e.wrapper.name)) continue;
        const payload = e.payload;
        push(settleName(e.name, index), e.loc, payload ? () => schemaOf(payload, file.source.rel) : undefined);
      }
      for (const lost of file.data?.lost ?? []) {
        if (lost.role === 'emit') facts.push({ kind: 'unresolved', role: 'emit', expression: lost.expression, reason: 'an emit in a region the Rust grammar could not read', loc: lost.loc });
      }
    }
    return { facts, findings: [] };
  },
};
