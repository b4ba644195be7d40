/**
 * Reads the registration lists while the file's tree is alive: `tauri::generate_handler![…]`,
 * and tauri-specta's `collect_commands![…]` (v1 and v2, also `specta::collect_commands!`), whose
 * builder makes the handler (`.invoke_handler(builder.invoke_handler())`). The entries as written
 * and whose handler it is: a plugin's handler sits in `tauri::plugin::Builder::new("name")…
 * .invoke_handler(generate_handler![…])`, and its commands are invoked as `plugin:name|cmd`;
 * the app's own sits on `tauri::Builder::default()`.
 */
import type { Node } from 'web-tree-sitter';
import type { Site } from './file-index.js';
import { importsOf } from './imports.js';
import type { PendingRegistration, RegistrationEntry } from './items.js';
import { localBinding } from './locals.js';
import { nameExpr, type NameExpr } from './name-expr.js';
import { callArguments, innerTokens, locOf, macroBase, macroName, macroTokens, pathSegments, peel, splitTopLevel, unraw } from './nodes.js';

const PATH_TOKENS = new Set(['identifier', '::', 'crate', 'self', 'super']);
/** A word the grammar lexes as a keyword of a later edition (`gen`) is still a name in a path. */
const WORD = /^(r#)?[A-Za-z_][A-Za-z0-9_]*$/;

function isPathToken(t: Node): boolean {
  return PATH_TOKENS.has(t.type) || WORD.test(t.text);
}

export function isGenerateHandler(node: Node): boolean {
  if (macroBase(node) !== 'generate_handler') return false;
  const name = macroName(node);
  return name === 'generate_handler' || name === 'tauri::generate_handler';
}

/** A list of commands to register: `generate_handler![…]`, or `collect_commands![…]` by any path. */
export function isRegistrationList(node: Node): boolean {
  return node.type === 'macro_invocation' && (isGenerateHandler(node) || macroBase(node) === 'collect_commands');
}

/** Whether a node is passed as written to `.invoke_handler(…)`. */
export function isHandlerArgument(node: Node): boolean {
  const call = node.parent?.type === 'arguments' ? node.parent.parent : null;
  const fn = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
  return fn?.type === 'field_expression' && fn.childForFieldName('field')?.text === 'invoke_handler';
}

/**
 * Drops `#[cfg(…)]` attributes in front of an entry (Tauri 2 accepts them), and the turbofish
 * after it (`get_record::<tauri::Wry>`, how tauri-specta lists a command generic over the runtime).
 */
function withoutAttributes(tokens: readonly Node[]): Node[] {
  const out = [...tokens];
  while (out[0]?.type === '#' && out[1]?.type === 'token_tree') out.splice(0, 2);
  const turbofish = out.findIndex((t, i) => t.type === '::' && out[i + 1]?.type === '<');
  if (turbofish > 0 && out[out.length - 1]?.type === '>') out.splice(turbofish);
  return out;
}

type Owner = { app: true } | { plugin: NameExpr };

/** Path segments of a callee, generic arguments (`Builder::<R>::new`) left out. */
function calleePath(fn: Node): string[] {
  const inner = fn.type === 'generic_function' ? fn.childForFieldName('function') : fn;
  if (!inner || (inner.type !== 'scoped_identifier' && inner.type !== 'identifier')) return [];
  return pathSegments(inner).filter((s) => !s.startsWith('<'));
}

/** `Builder::new("name")` of a plugin, or the app's `Builder::default()` / `Builder::new()`. */
function builderOwner(call: Node, site: Site): Owner | undefined {
  const fn = call.childForFieldName('function');
  const path = fn ? calleePath(fn) : [];
  const ctor = path[path.length - 1];
  const type = path[path.length - 2] ?? '';
  if ((ctor !== 'new' && ctor !== 'default') || !type.endsWith('Builder')) return undefined;
  const head = path[0] ?? '';
  const full = [...(importsOf(site.scope).names.get(head) ?? [head]), ...path.slice(1)];
  const args = callArguments(call);
  const isPlugin = full.includes('plugin') || (!full.includes('tauri') && args.length === 1);
  if (!isPlugin || !args[0]) return { app: true };
  return { plugin: nameExpr(args[0], site) };
}

/** Follows the method chain the handler is passed into back to the builder it started from. */
function ownerOf(macro: Node, site: Site): Owner {
  const call = macro.parent?.type === 'arguments' ? macro.parent.parent : null;
  if (call?.type !== 'call_expression') return { app: true };
  let receiver = call.childForFieldName('function')?.childForFieldName('value') ?? null;
  for (let steps = 0; receiver && steps < 64; steps++) {
    const node = peel(receiver);
    if (node.type === 'call_expression') {
      const fn = node.childForFieldName('function');
      if (fn?.type === 'field_expression') {
        receiver = fn.childForFieldName('value');
        continue;
      }
      return builderOwner(node, site) ?? { app: true };
    }
    if (node.type === 'identifier') {
      receiver = localBinding(unraw(node.text), { ...site, node })?.value ?? null;
      continue;
    }
    break;
  }
  return { app: true };
}

export function registrationOf(site: Site, rel: string): PendingRegistration | undefined {
  if (!isRegistrationList(site.node)) return undefined;
  const tree = macroTokens(site.node);
  if (!tree) return undefined;
  const entries: RegistrationEntry[] = [];
  for (const entry of splitTopLevel(innerTokens(tree))) {
    const tokens = withoutAttributes(entry);
    const first = tokens[0];
    if (!first) continue;
    const isPath = tokens.every(isPathToken);
    const expression = tokens.map((t) => t.text).join(isPath ? '' : ' ');
    const loc = locOf(rel, first);
    if (!isPath) entries.push({ expression, loc });
    else entries.push({ segments: tokens.filter((t) => t.type !== '::').map((t) => unraw(t.text)), expression, loc });
  }
  const owner = ownerOf(site.node, site);
  const list = { macro: macroName(site.node), direct: isHandlerArgument(site.node) };
  return { scope: site.scope, loc: locOf(rel, site.node), ...list, ...('plugin' in owner ? { plugin: owner.plugin } : {}), entries };
}
