/**
 * The Rust side, read with the tree-sitter Rust grammar: every `generate_handler![…]` (whose
 * crate it is in, how many commands it lists, and the plugin's name when the file builds a
 * plugin), and the function Tauri commands forward to the sidecar with (`send_command("name",
 * json!({…}))`). Only files whose text mentions what is looked for are parsed.
 */
import type { Node } from 'web-tree-sitter';
import { rustParser } from '../../../manifests/src/rust/parser.js';
import type { Crate, Forward, HandlerSite } from '../model.js';
import { findFiles, isUnder, readText, under } from './files.js';

const line = (n: Node) => n.startPosition.row + 1;
const nodes = (root: Node, type: string) => root.descendantsOfType(type).filter((n): n is Node => n !== null);
const unquote = (n: Node) => n.text.replace(/^r?#*"/, '').replace(/"#*$/, '');

/** `tauri::generate_handler` → `generate_handler`. */
function macroName(m: Node): string {
  const name = m.childForFieldName('macro');
  return (name?.text ?? '').split('::').pop() ?? '';
}

/** Entries of a `[a, b::c, …]` token tree, split at its top-level commas. */
function entries(tokens: Node | null): number {
  if (!tokens) return 0;
  let n = 0;
  let seen = false;
  for (const c of tokens.children) {
    if (!c || c.type === '[' || c.type === ']' || c.type === '(' || c.type === ')') continue;
    if (c.type === ',') {
      if (seen) n++;
      seen = false;
    } else seen = true;
  }
  return n + (seen ? 1 : 0);
}

/** `Builder::new("name")` (tauri's plugin builder, under any path or alias ending in Builder). */
function pluginName(root: Node): string | undefined {
  for (const call of nodes(root, 'call_expression')) {
    const fn = call.childForFieldName('function');
    if (!fn || !/(^|::)\w*Builder(::<[^>]*>)?::new$/.test(fn.text.replace(/\s+/g, ''))) continue;
    const first = call.childForFieldName('arguments')?.namedChildren[0];
    if (first && (first.type === 'string_literal' || first.type === 'raw_string_literal')) return unquote(first);
  }
  return undefined;
}

/** The callee's own name: `send_command`, `sidecar::send_command`, `client.send_command` → `send_command`. */
function calleeName(fn: Node | null): string | undefined {
  if (!fn) return undefined;
  if (fn.type === 'generic_function') return calleeName(fn.childForFieldName('function'));
  if (fn.type === 'identifier') return fn.text;
  if (fn.type === 'scoped_identifier') return fn.childForFieldName('name')?.text;
  if (fn.type === 'field_expression') return fn.childForFieldName('field')?.text;
  return undefined;
}

/** Function items marked `#[tauri::command]` or `#[command]` (the attributes right before the item). */
function commandFns(root: Node): Node[] {
  const out: Node[] = [];
  for (const container of [root, ...nodes(root, 'declaration_list')]) {
    let marked = false;
    for (const c of container.namedChildren) {
      if (!c) continue;
      if (c.type === 'attribute_item') marked ||= /^#\[\s*(tauri\s*::\s*)?command\b/.test(c.text);
      else {
        if (marked && c.type === 'function_item') out.push(c);
        marked = false;
      }
    }
  }
  return out;
}

export interface RustScan {
  handlers: HandlerSite[];
  forwards: Forward[];
  problems: string[];
}

export async function scanRust(root: string, tauriCrates: readonly Crate[]): Promise<RustScan> {
  const handlers: HandlerSite[] = [];
  const calls = new Map<string, { calls: number; example: { file: string; line: number }; commands: Set<string> }>();
  const problems: string[] = [];
  const parser = await rustParser();
  // Nested crates are their own: a file belongs to the deepest crate folder above it.
  const owner = (rel: string) => [...tauriCrates].filter((c) => isUnder(rel, c.dir)).sort((a, b) => b.dir.length - a.dir.length)[0];
  const files = new Set<string>();
  for (const c of tauriCrates) for (const f of await findFiles(root, [under(c.dir, '**/*.rs')])) if (owner(f) === c) files.add(f);
  for (const rel of [...files].sort()) {
    const text = readText(root, rel);
    if (text === undefined || !(text.includes('generate_handler') || text.includes('command'))) continue;
    const tree = parser.parse(text);
    if (!tree) {
      problems.push(`${rel} could not be parsed`);
      continue;
    }
    try {
      const crate = owner(rel)!;
      const plugin = pluginName(tree.rootNode) ?? (/^tauri-plugin-/.test(crate.name) ? crate.name.slice('tauri-plugin-'.length) : undefined);
      for (const m of nodes(tree.rootNode, 'macro_invocation')) {
        if (macroName(m) !== 'generate_handler') continue;
        const tokens = m.namedChildren.find((c) => c?.type === 'token_tree') ?? null;
        handlers.push({ file: rel, line: line(m), commands: entries(tokens), crate: crate.dir, ...(plugin ? { plugin } : {}) });
      }
      for (const fn of commandFns(tree.rootNode)) {
        for (const call of nodes(fn, 'call_expression')) {
          const args = call.childForFieldName('arguments')?.namedChildren ?? [];
          const [first, second] = args;
          if (!first || !second || !(first.type === 'string_literal' || first.type === 'raw_string_literal')) continue;
          if (second.type !== 'macro_invocation' || macroName(second) !== 'json') continue;
          const name = calleeName(call.childForFieldName('function'));
          if (!name) continue;
          const had = calls.get(name) ?? { calls: 0, example: { file: rel, line: line(call) }, commands: new Set<string>() };
          had.calls++;
          had.commands.add(unquote(first));
          calls.set(name, had);
        }
      }
    } finally {
      tree.delete();
    }
  }
  // A function called from commands with a literal name and a json! payload, at least twice: what forwards to the sidecar.
  const forwards = [...calls].filter(([, v]) => v.calls >= 2).map(([name, v]) => ({ name, calls: v.calls, example: v.example, commands: [...v.commands].sort() })).sort((a, b) => b.calls - a.calls);
  return { handlers, forwards, problems };
}
