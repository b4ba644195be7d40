/**
 * What makes a function a Tauri command, and which of its parameters the frontend sends.
 * `#[tauri::command]`, or `#[command]` where `command` is imported from tauri; Tauri injects
 * some parameters itself (the app handle, state, the calling window, the raw request), and those
 * are not part of the payload. `Channel<T>` is a payload in Tauri 2: the frontend passes it.
 */
import type { Node } from 'web-tree-sitter';
import type { RustOptions } from '../model.js';
import { cfgPredicates, metaList, readAttributes, type Meta } from './attributes.js';
import type { CrateIndex } from './crate-index.js';
import { importsOf, type FnItem } from './file-index.js';
import { tauriItem } from './imports.js';
import { kids, unraw } from './nodes.js';
import { resolveName } from './resolve.js';
import type { TypeRef } from './types.js';

export interface CommandAttribute {
  /** Key style of the arguments: camelCase unless `rename_all = "snake_case"`. */
  renameAll: 'camelCase' | 'snake_case';
  /** `#[tauri::command(async)]`: a sync function run on the async runtime. */
  asyncOption: boolean;
  /** `#[cfg(…)]` predicates on the function and the inline modules around it. */
  cfg?: string;
}

const attributeCache = new WeakMap<FnItem, CommandAttribute | null>();

/** The command attribute of a function, or undefined when it is not a Tauri command. */
export function commandAttribute(fn: FnItem): CommandAttribute | undefined {
  let found = attributeCache.get(fn);
  if (found === undefined) {
    found = readCommandAttribute(fn) ?? null;
    attributeCache.set(fn, found);
  }
  return found ?? undefined;
}

function readCommandAttribute(fn: FnItem): CommandAttribute | undefined {
  if (fn.inImpl || fn.node.type !== 'function_item' || fn.attrs.length === 0) return undefined;
  const attrs = readAttributes(fn.attrs);
  let found: { args: Meta[] } | undefined;
  for (const a of attrs) {
    const isCommand = a.path === 'tauri::command' || (!a.path.includes('::') && tauriItem(importsOf(fn.scope), a.path) === 'command');
    if (isCommand) found = { args: a.args ? metaList(a.args) : [] };
  }
  if (!found) return undefined;
  const rename = found.args.find((m) => m.path === 'rename_all')?.value;
  const cfgs = [...fn.scope.cfgs, ...cfgPredicates(attrs)];
  const cfg = cfgs.length === 0 ? undefined : cfgs.length === 1 ? cfgs[0] : `all(${cfgs.join(', ')})`;
  return {
    renameAll: rename === 'snake_case' ? 'snake_case' : 'camelCase',
    asyncOption: found.args.some((m) => m.path === 'async'),
    ...(cfg !== undefined ? { cfg } : {}),
  };
}

export function isAsync(fn: FnItem): boolean {
  // Modifiers come before the `fn` keyword: look no further than that.
  for (let i = 0; i < fn.node.childCount; i++) {
    const c = fn.node.child(i);
    if (!c || c.type === 'fn') return false;
    if (c.type === 'function_modifiers') return kids(c).some((m) => m.type === 'async');
  }
  return false;
}

export interface CommandParam {
  node: Node;
  /** The Rust name (`session_id`), `r#` removed; undefined for a pattern that is not a name. */
  name?: string;
  type: Node;
}

export function commandParams(fn: FnItem): CommandParam[] {
  const params = fn.node.childForFieldName('parameters');
  if (!params) return [];
  const out: CommandParam[] = [];
  for (const p of kids(params)) {
    if (p.type !== 'parameter') continue;
    const pattern = p.childForFieldName('pattern');
    const type = p.childForFieldName('type');
    if (!pattern || !type) continue;
    out.push({ node: p, ...(pattern.type === 'identifier' ? { name: unraw(pattern.text) } : {}), type });
  }
  return out;
}

const TAURI_INJECTED = new Set(['AppHandle', 'State', 'Window', 'WebviewWindow', 'Webview', 'Request', 'Invoke']);

/** True when Tauri fills this parameter itself, so the frontend does not send it. */
export function isInjected(t: TypeRef, fn: FnItem, index: CrateIndex, options: RustOptions): boolean {
  if (t.kind !== 'path') return false;
  const bare = t.segments.join('::');
  const last = t.segments[t.segments.length - 1] ?? '';
  for (const configured of options.injectedTypes) {
    if (bare === configured || bare.endsWith(`::${configured}`) || configured.endsWith(`::${bare}`)) return true;
  }
  if (!TAURI_INJECTED.has(last)) return false;
  const [head, ...rest] = t.segments;
  if (head === undefined) return false;
  const imported = importsOf(fn.scope).names.get(head);
  const full = imported ? [...imported, ...rest] : t.segments;
  if (full[0] === 'tauri') return true;
  if (imported) return false;
  if (t.segments.length > 1) return false;
  // A bare `Request` or `State` is Tauri's unless the crate declares its own type of that name.
  return !('decl' in resolveName(index, index.types, t.segments, fn.scope));
}
