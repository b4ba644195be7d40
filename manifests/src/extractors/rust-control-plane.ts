import type { ControlHandlerFact, ControlRequestFact, Extractor, Fact, UnresolvedFact } from '../model.js';
import { cloneJson } from '../rust/clone-json.js';
import { requestEnums, type RequestEnum } from '../rust/control-enums.js';
import { crateIndex, type CrateIndex } from '../rust/crate-index.js';
import type { FnItem, ModuleScope, PendingControlRequest } from '../rust/items.js';
import { scopeCfgs } from '../rust/layout.js';
import { settleName } from '../rust/names.js';
import { resolveName } from '../rust/resolve.js';
import { schemaBuilder } from '../rust/serde-schema.js';

/** Code built only for tests (`#[cfg(test)]`) is no client of the daemon. */
function testOnly(scope: ModuleScope, fn: FnItem | undefined): boolean {
  return [...scopeCfgs(scope), ...(fn?.cfgs ?? [])].some((c) => /\btest\b/.test(c));
}

/**
 * A struct literal setting a field named like the command (`Spawn { cmd: "git".into() }`) is a
 * request only when a client can send it: its struct derives Serialize (or is not in the sources).
 */
function sendable(r: PendingControlRequest, index: CrateIndex): boolean {
  if (!r.type?.length) return true;
  const found = resolveName(index, 'types', r.type, r.scope);
  return !('decl' in found) || found.decl.serializes === true;
}

function fromEnums(enums: readonly RequestEnum[], index: CrateIndex): ControlHandlerFact[] {
  return enums.flatMap((e) =>
    e.variants.map((v) => ({
      kind: 'control-handler' as const,
      name: v.wire,
      loc: { file: index.files[e.decl.file]!.source.rel, line: v.line },
      how: `enum ${e.decl.name} (#[serde(tag = "${e.tag}")])`,
      reads: v.keys.map((k) => ({ ...k, ...(k.schema ? { schema: cloneJson(k.schema) } : {}) })),
      params: cloneJson(v.params),
    })),
  );
}

/** A request built as a value of a request enum (`Request::Sync { codebase }`); undefined when the path is no request enum's variant. */
function fromVariant(r: PendingControlRequest & { variant: string[] }, enums: readonly RequestEnum[], index: CrateIndex): ControlRequestFact | undefined {
  const found = resolveName(index, 'types', r.variant.slice(0, -1), r.scope);
  const e = 'decl' in found ? enums.find((x) => x.decl === found.decl) : undefined;
  const v = e?.variants.find((x) => x.rust === r.variant[r.variant.length - 1]);
  if (!v) return undefined;
  return { kind: 'control-request', name: v.wire, loc: r.loc, keys: v.keys.map((k) => k.key).sort(), ...(r.fn ? { from: r.fn.name } : {}) };
}

/**
 * The control plane of a Rust daemon (`manifests.rust.controlPlane`): the commands its dispatch
 * answers (`match req.cmd.as_str()`, `if cmd == "…"`, a `#[serde(tag = "cmd")]` request enum)
 * and the requests its clients build (`json!({"cmd": …})`, `Request::Status`, a struct literal
 * setting the command field), also through a helper whose callers name the command
 * (`send_cmd("status")`). Names that cannot be settled are reported, never dropped: a helper's
 * own request only when no call of it names a command.
 */
export const rustControlPlane: Extractor = {
  id: 'rust-control-plane',
  description: 'The control plane of a Rust daemon: commands its dispatch answers (match on the command name, a serde-tagged request enum) and the requests its clients build.',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const cp = ctx.rust.controlPlane;
    if (!cp) return { facts: [], findings: [] };
    const index = await crateIndex(ctx);
    const enums = await requestEnums(index, await schemaBuilder(index), new Set(cp.discriminants));
    const facts: Fact[] = fromEnums(enums, index);
    const unresolved = (role: UnresolvedFact['role'], expression: string, reason: string, loc: UnresolvedFact['loc'], prefix?: string): UnresolvedFact => ({ kind: 'unresolved', role, expression, reason, ...(prefix ? { prefix } : {}), loc });
    for (const file of index.files) {
      for (const arm of file.data?.control?.arms ?? []) {
        const name = settleName(arm.name, index);
        if (name.kind === 'literal') facts.push({ kind: 'control-handler', name: name.value, loc: arm.loc, how: arm.how, ...(arm.reads ? { reads: arm.reads.map((key) => ({ key, required: false, requiredBy: 'read' as const })) } : {}) });
        else facts.push(unresolved('handler', name.expression, name.kind === 'prefix' ? `only the start of the command name is literal ("${name.prefix}")` : name.reason, arm.loc, name.kind === 'prefix' ? name.prefix : undefined));
      }
    }
    const requests = index.files.flatMap((f) => f.data?.control?.requests ?? []).filter((r) => !testOnly(r.scope, r.fn) && sendable(r, index));
    const calls = index.files.flatMap((f) => f.data?.control?.calls ?? []);
    // A helper that puts its parameter in the request (`fn send_cmd(cmd: &str) { json!({"cmd": cmd}) }`): its calls name the commands.
    const reached = new Set<PendingControlRequest>();
    for (const r of requests) {
      if (r.param === undefined || !r.fn) continue;
      for (const c of calls) {
        const arg = c.callee === r.fn.name ? c.args[r.param] : undefined;
        const name = arg ? settleName(arg, index) : undefined;
        if (name?.kind !== 'literal') continue;
        reached.add(r);
        facts.push({ kind: 'control-request', name: name.value, loc: c.loc, ...(r.keys ? { keys: r.keys } : {}), ...(c.fn ? { from: c.fn.name } : {}) });
      }
    }
    for (const r of requests) {
      if (reached.has(r)) continue;
      if (r.variant) {
        const fact = fromVariant({ ...r, variant: r.variant }, enums, index);
        if (fact) facts.push(fact);
        continue;
      }
      const name = settleName(r.name!, index);
      const from = r.fn ? { from: r.fn.name } : {};
      if (name.kind === 'literal') facts.push({ kind: 'control-request', name: name.value, loc: r.loc, ...(r.keys ? { keys: r.keys } : {}), ...from });
      else facts.push(unresolved('request', name.expression, name.kind === 'prefix' ? `only the start of the command name is literal ("${name.prefix}")` : name.reason, r.loc, name.kind === 'prefix' ? name.prefix : undefined));
    }
    const place = (f: Fact) => `${f.loc.file}\0${String(f.loc.line).padStart(8, '0')}\0${String(f.loc.column ?? 0).padStart(8, '0')}`;
    return { facts: facts.sort((a, b) => (place(a) < place(b) ? -1 : place(a) > place(b) ? 1 : 0)), findings: [] };
  },
};
