import type { Finding } from '../../../core/src/findings.js';
import type { CommandDefinitionFact, Extractor, KeyFact } from '../model.js';
import { cloneJson } from '../rust/clone-json.js';
import { crateIndex, itemPath, type CrateIndex } from '../rust/crate-index.js';
import { finding } from '../rust/findings.js';
import type { FnItem } from '../rust/items.js';
import { scopeCfgs } from '../rust/layout.js';
import { NoteSink } from '../rust/schema-findings.js';
import { schemaBuilder, type SchemaBuilder, type TypeSite } from '../rust/serde-schema.js';
import { tauriArgKey } from '../rust/tauri-case.js';
import { injection } from '../rust/injected.js';
import { isTauriCommand } from '../rust/tauri-command.js';
import { isOptionRef, typeText } from '../rust/types.js';
import type { RustOptions } from '../model.js';
import { mergeVariants } from '../rust/variants.js';

function cfgOf(fn: FnItem): string | undefined {
  const cfgs = [...scopeCfgs(fn.scope), ...fn.cfgs];
  return cfgs.length === 0 ? undefined : cfgs.length === 1 ? cfgs[0] : `all(${cfgs.join(', ')})`;
}

function definition(fn: FnItem, index: CrateIndex, schemas: SchemaBuilder, notes: NoteSink, options: RustOptions): CommandDefinitionFact {
  const stub = fn.stub!;
  const file = fn.loc.file;
  const params: KeyFact[] = [];
  for (const p of stub.params) {
    const injected = injection(p.type, fn.scope, index, options, (d) => schemas.aliasTarget(d));
    if (injected.kind === 'yes') continue;
    const key = p.name === undefined ? p.pattern : tauriArgKey(p.name, stub.renameAll);
    const site: TypeSite = { file, scope: fn.scope, line: p.line };
    const { schema, notes: found } = schemas.schema(p.type, site, 'de');
    notes.add(fn.name, `params.${key}`, found);
    const sourceName = p.name !== undefined ? { sourceName: p.name } : {};
    const maybe = injected.kind === 'maybe' ? { mayBeInjected: injected.why } : {};
    params.push({ key, ...sourceName, required: !isOptionRef(p.type), ...maybe, schema: cloneJson(schema), typeText: typeText(p.type) });
  }
  let result: CommandDefinitionFact['result'] = { type: 'null' };
  if (stub.result) {
    const out = schemas.schema(stub.result.type, { file, scope: fn.scope, line: stub.result.line }, 'ser', { unwrapResult: true });
    notes.add(fn.name, 'result', out.notes);
    result = out.schema;
  }
  const cfg = cfgOf(fn);
  return {
    kind: 'command-definition',
    name: fn.name,
    path: itemPath(index, fn),
    loc: fn.loc,
    async: stub.async || stub.asyncOption,
    params,
    result: cloneJson(result),
    ...(stub.result ? { resultTypeText: stub.result.text } : {}),
    ...(cfg !== undefined ? { cfg } : {}),
  };
}

/**
 * `#[tauri::command]` functions (also `#[command]` imported from tauri): name, module path,
 * payload keys as the frontend sends them, and parameter/result JSON Schemas by serde's rules.
 * Params are read as serde deserializes them, the result as it serializes. One command written
 * once per `#[cfg]` (per-OS variants) is one command. A command that dispatches by name
 * (`rpc(cmd, payload)`) is reported, since what it reaches cannot be checked.
 */
export const rustCommands: Extractor = {
  id: 'rust-commands',
  description: 'Rust #[tauri::command] functions with payload keys and serde-derived JSON Schemas.',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const index = await crateIndex(ctx);
    const schemas = await schemaBuilder(index);
    const notes = new NoteSink();
    const defs: CommandDefinitionFact[] = [];
    const findings: Finding[] = [];
    for (const file of index.files) {
      for (const fn of file.data?.functions ?? []) {
        if (fn.stub && !fn.inImpl && isTauriCommand(fn, index)) defs.push(definition(fn, index, schemas, notes, ctx.rust));
      }
      for (const d of file.data?.dispatches ?? []) {
        if (!isTauriCommand(d.fn, index)) continue;
        const ops = d.operations ? `; the names it matches are ${d.operations.map((o) => `"${o}"`).join(', ')}` : '';
        findings.push(
          finding(
            'unresolved-dispatch',
            d.loc,
            `command ${d.fn.name} dispatches by the name in its parameter \`${d.param}\` (${d.how})${ops}; which operations exist, and what they take, is not checked against the frontend's invoke('${d.fn.name}', …) calls`,
            'Expected for an rpc-style command; list its operations as commands of their own to have them checked, or accept this with manifests.check.ignore.',
            { name: d.fn.name, param: d.param },
          ),
        );
      }
    }
    return { facts: mergeVariants(defs), findings: [...notes.findings, ...findings] };
  },
};
