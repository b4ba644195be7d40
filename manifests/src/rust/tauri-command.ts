/**
 * What makes a function a Tauri command, and which of its parameters the frontend sends.
 * `#[tauri::command]`, or `#[command]` where `command` is imported from tauri (also
 * `#[cfg_attr(pred, tauri::command)]`). Which parameters Tauri injects itself is injected.ts.
 */
import type { Node } from 'web-tree-sitter';
import { metaList, readAttributes, type Attribute, type Meta } from './attributes.js';
import type { CrateIndex } from './crate-index.js';
import type { FnNode } from './file-index.js';
import { importsOf, tauriItem } from './imports.js';
import type { CommandStub, FnItem, ModuleScope, ParamStub } from './items.js';
import { flatText, innerTokens, kids, lineOf, splitTopLevel, unraw } from './nodes.js';
import { typeRef } from './types.js';

interface Found {
  kind: 'yes' | 'maybe';
  args: Meta[];
  /** The predicate of a `cfg_attr` that applies it. */
  cfg?: string;
}

function commandKind(path: string, scope: ModuleScope): 'yes' | 'maybe' | undefined {
  if (path === 'tauri::command') return 'yes';
  if (path.includes('::')) return undefined;
  const imports = importsOf(scope);
  if (tauriItem(imports, path) === 'command') return 'yes';
  // A bare `#[command]` with no import of that name may come in through a glob of the crate's own.
  return path === 'command' && !imports.names.has(path) && imports.globs.some((g) => g[0] !== 'tauri') ? 'maybe' : undefined;
}

/** `#[cfg_attr(pred, tauri::command)]`: the predicate and the attribute it applies. */
function cfgAttrCommand(a: Attribute, scope: ModuleScope): Found | undefined {
  if (a.path !== 'cfg_attr' || !a.args) return undefined;
  const [pred, ...applied] = splitTopLevel(innerTokens(a.args));
  if (!pred) return undefined;
  for (const tokens of applied) {
    const path = tokens.filter((t) => t.type !== 'token_tree').map((t) => t.text).join('');
    const kind = commandKind(path, scope);
    const list = tokens.find((t) => t.type === 'token_tree');
    if (kind) return { kind, args: list ? metaList(list) : [], cfg: pred.map((t) => t.text).join(' ').replace(/\s*=\s*/g, ' = ') };
  }
  return undefined;
}

function findAttribute(fn: FnNode): Found | undefined {
  let found: Found | undefined;
  for (const a of readAttributes(fn.attrs)) {
    const kind = commandKind(a.path, fn.item.scope);
    if (kind) found = { kind, args: a.args ? metaList(a.args) : [] };
    else found = cfgAttrCommand(a, fn.item.scope) ?? found;
  }
  return found;
}

function isAsync(fn: Node): boolean {
  // Modifiers come before the `fn` keyword: look no further than that.
  for (let i = 0; i < fn.childCount; i++) {
    const c = fn.child(i);
    if (!c || c.type === 'fn') return false;
    if (c.type === 'function_modifiers') return kids(c).some((m) => m.type === 'async');
  }
  return false;
}

function params(fn: Node): ParamStub[] {
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  const out: ParamStub[] = [];
  for (const p of kids(list)) {
    if (p.type !== 'parameter') continue;
    const pattern = p.childForFieldName('pattern');
    const type = p.childForFieldName('type');
    if (!pattern || !type) continue;
    out.push({ ...(pattern.type === 'identifier' ? { name: unraw(pattern.text) } : {}), pattern: flatText(pattern), type: typeRef(type), line: lineOf(p) });
  }
  return out;
}

/** Reads the command attribute and signature of a function into its item, while the tree is alive. */
export function readCommand(fn: FnNode): void {
  const item = fn.item;
  if (item.inImpl || fn.node.type !== 'function_item' || fn.attrs.length === 0) return;
  const found = findAttribute(fn);
  if (!found) return;
  item.command = found.kind;
  if (found.cfg !== undefined) item.cfgs = [...item.cfgs, found.cfg];
  const ret = fn.node.childForFieldName('return_type');
  const stub: CommandStub = {
    renameAll: found.args.find((m) => m.path === 'rename_all')?.value === 'snake_case' ? 'snake_case' : 'camelCase',
    asyncOption: found.args.some((m) => m.path === 'async'),
    async: isAsync(fn.node),
    params: params(fn.node),
    ...(ret ? { result: { type: typeRef(ret), line: lineOf(ret), text: flatText(ret) } } : {}),
  };
  item.stub = stub;
  item.paramNames = stub.params.flatMap((p) => (p.name === undefined ? [] : [p.name]));
}

/**
 * Whether a function is a Tauri command. A bare `#[command]` whose import comes through globs is
 * when `command` resolves to tauri's; when the globs cannot tell, when generate_handler! lists it.
 */
export function isTauriCommand(fn: FnItem, index: CrateIndex): boolean {
  if (fn.command !== 'maybe') return fn.command === 'yes';
  const hit = index.resolver.resolve(['command'], fn.scope);
  if (hit.external) return hit.external[0] === 'tauri';
  const globs = hit.externalGlobs ?? [];
  if (globs.some((g) => g[0] === 'tauri')) return true;
  const unknown = hit.fns.length + hit.mods.length + hit.types.length === 0 && globs.length < hit.blocked.length;
  return unknown && index.registeredNames.has(fn.name);
}
