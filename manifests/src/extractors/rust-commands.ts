import type { CommandDefinitionFact, Extractor, KeyFact } from '../model.js';
import { cloneJson } from '../rust/clone-json.js';
import { crateIndex } from '../rust/crate-index.js';
import { joinPath } from '../rust/module-path.js';
import { flatText, lineOf, locOf } from '../rust/nodes.js';
import { NoteSink } from '../rust/schema-findings.js';
import { SchemaBuilder, type TypeSite } from '../rust/serde-schema.js';
import { tauriArgKey } from '../rust/tauri-case.js';
import { commandAttribute, commandParams, isAsync, isInjected } from '../rust/tauri-command.js';
import { isOptionRef, typeRef, typeText } from '../rust/types.js';

/**
 * `#[tauri::command]` functions (also `#[command]` imported from tauri): name, module path,
 * payload keys as the frontend sends them, and parameter/result JSON Schemas by serde's rules.
 * Params are read as serde deserializes them, the result as it serializes.
 */
export const rustCommands: Extractor = {
  id: 'rust-commands',
  description: 'Rust #[tauri::command] functions with payload keys and serde-derived JSON Schemas.',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const index = await crateIndex(ctx);
    const schemas = new SchemaBuilder(index);
    const notes = new NoteSink();
    const facts: CommandDefinitionFact[] = [];
    for (const file of index.files) {
      for (const fn of file.index?.functions ?? []) {
        const attr = commandAttribute(fn);
        if (!attr) continue;
        const rel = file.source.rel;
        const params: KeyFact[] = [];
        for (const p of commandParams(fn)) {
          const t = typeRef(p.type);
          if (isInjected(t, fn, index, ctx.rust)) continue;
          const key = p.name === undefined ? flatText(p.node.childForFieldName('pattern') ?? p.node) : tauriArgKey(p.name, attr.renameAll);
          const site: TypeSite = { file, scope: fn.scope, line: lineOf(p.node) };
          const { schema, notes: found } = schemas.schema(t, site, 'de');
          notes.add(fn.name, `params.${key}`, found);
          const sourceName = p.name !== undefined ? { sourceName: p.name } : {};
          params.push({ key, ...sourceName, required: !isOptionRef(t), schema: cloneJson(schema), typeText: typeText(t) });
        }
        const ret = fn.node.childForFieldName('return_type');
        let result: CommandDefinitionFact['result'] = { type: 'null' };
        if (ret) {
          const site: TypeSite = { file, scope: fn.scope, line: lineOf(ret) };
          const out = schemas.schema(typeRef(ret), site, 'ser', { unwrapResult: true });
          notes.add(fn.name, 'result', out.notes);
          result = out.schema;
        }
        facts.push({
          kind: 'command-definition',
          name: fn.name,
          path: joinPath(fn.scope.segments, fn.name),
          loc: locOf(rel, fn.node.childForFieldName('name') ?? fn.node),
          async: isAsync(fn) || attr.asyncOption,
          params,
          result: cloneJson(result),
          ...(ret ? { resultTypeText: flatText(ret) } : {}),
          ...(attr.cfg !== undefined ? { cfg: attr.cfg } : {}),
        });
      }
    }
    return { facts, findings: notes.findings };
  },
};
