/**
 * Regions of a file tree-sitter could not read. The grammar rejects some valid Rust (`&raw` as
 * a variable name, `#[cfg]` on fields of a struct pattern, nightly `auto trait`), so such a
 * region is never called a syntax error: it is reported with what was skipped, everything
 * outside it is kept, and what it may hide is recorded so the rules stay cautious:
 * a region between items may declare names (its module becomes opaque to path resolution), and
 * one that mentions `generate_handler` (or `collect_commands`), an emit or a forward call may hold such a fact.
 */
import type { Node } from 'web-tree-sitter';
import type { FileIndex } from './file-index.js';
import type { LostFact, ModuleScope, OpaqueItem, Recovered } from './items.js';
import { kids, lineOf, locOf, unraw } from './nodes.js';

export interface Recovery {
  recovered: Recovered[];
  opaque: OpaqueItem[];
  lost: LostFact[];
}

const EMITTERS = new Set(['emit', 'emit_to', 'emit_all', 'emit_filter', 'emit_str', 'emit_str_to', 'emit_str_filter', 'emit_and_trigger']);

function collectBad(node: Node, out: Node[]): void {
  if (node.type === 'ERROR' || node.isMissing) {
    out.push(node);
    return;
  }
  for (const child of kids(node)) if (child.hasError || child.isMissing) collectBad(child, out);
}

function snippet(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/** The inline modules around a node, outermost first, and the innermost named item. */
function context(node: Node): { mods: string[]; where: string; itemLevel: boolean } {
  const mods: string[] = [];
  let where: string | undefined;
  const parentType = node.parent?.type;
  const itemLevel = parentType === 'source_file' || parentType === 'declaration_list';
  for (let n = node.parent; n; n = n.parent) {
    if (where === undefined && (n.type === 'function_item' || n.type === 'impl_item' || n.type === 'struct_item' || n.type === 'enum_item' || n.type === 'trait_item')) {
      const name = n.childForFieldName('name')?.text ?? n.childForFieldName('type')?.text;
      where = `inside ${n.type.replace(/_item$/, '').replace('function', 'fn')} ${name ?? ''}`.trim();
    }
    if (n.type === 'mod_item') mods.unshift(unraw(n.childForFieldName('name')?.text ?? ''));
  }
  return { mods, where: where ?? 'between items', itemLevel };
}

function scopeOf(index: FileIndex, mods: readonly string[]): ModuleScope {
  const key = mods.join('::');
  return index.scopes.find((s) => s.local.join('::') === key) ?? index.root;
}

function leaves(node: Node, out: Node[]): void {
  if (node.childCount === 0) out.push(node);
  else for (const c of kids(node)) leaves(c, out);
}

/** The ERROR and MISSING nodes of a tree, in text order. */
export function badNodes(root: Node): Node[] {
  if (!root.hasError) return [];
  const bad: Node[] = [];
  collectBad(root, bad);
  return bad.sort((a, b) => a.startIndex - b.startIndex);
}

/** Text ranges of the ERROR nodes: nothing inside them is read. */
export function unreadableRanges(bad: readonly Node[]): Array<[number, number]> {
  return bad.filter((n) => n.type === 'ERROR').map((n) => [n.startIndex, n.endIndex]);
}

/** Reads every unreadable region of a parsed file; `forwardNames` are the configured forward calls' last segments. */
export function readRecovery(bad: readonly Node[], index: FileIndex, forwardNames: ReadonlySet<string>): Recovery {
  const out: Recovery = { recovered: [], opaque: [], lost: [] };
  for (const node of bad) {
    const ctx = context(node);
    const line = lineOf(node);
    if (node.isMissing) {
      out.recovered.push({ line, endLine: line, column: node.startPosition.column + 1, text: '', where: ctx.where, missing: node.type });
      continue;
    }
    const endLine = node.endPosition.row + 1;
    const prev = out.recovered[out.recovered.length - 1];
    // Pieces of one unreadable construct (tree-sitter often splits it) are one report.
    if (prev && prev.missing === undefined && prev.where === ctx.where && line <= prev.endLine + 1) {
      prev.endLine = Math.max(prev.endLine, endLine);
      prev.text = snippet(`${prev.text} … ${node.text}`);
    } else {
      out.recovered.push({ line, endLine, column: node.startPosition.column + 1, text: snippet(node.text), where: ctx.where });
    }
    const tokens: Node[] = [];
    leaves(node, tokens);
    const scope = scopeOf(index, ctx.mods);
    if (ctx.itemLevel || tokens.some((t) => t.type === 'fn' || t.type === 'mod' || t.type === 'use')) {
      out.opaque.push({ scope, line, what: `a region the Rust grammar could not read (${index.rel}:${line})` });
    }
    for (const t of tokens) {
      const text = t.text;
      const role = text === 'generate_handler' || text === 'collect_commands' ? 'registration' : EMITTERS.has(text) ? 'emit' : forwardNames.has(text) ? 'forward' : undefined;
      if (role && !out.lost.some((l) => l.role === role && l.loc.line === lineOf(t))) out.lost.push({ role, loc: locOf(index.rel, t), expression: snippet(node.text) });
    }
  }
  return out;
}
