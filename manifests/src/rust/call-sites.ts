/**
 * The calls that may be an emit or a forward, found without walking the tree: wherever the text
 * names one of the calls of interest, the node there is asked whether it is a call's callee. A
 * name inside a comment, a string or a macro's raw tokens is no callee and is passed over (the
 * macro's own parse, see macro-bodies.ts, looks again inside its range).
 */
import type { Node } from 'web-tree-sitter';
import type { FileIndex, FnNode, Site } from './file-index.js';

/** Whether a position lies in a region the grammar could not read. */
export function unreadable(out: FileIndex, at: number): boolean {
  return out.unreadable.some(([s, e]) => at >= s && at < e);
}

/** The call whose callee ends in `name` (`emit` of `app.emit(…)`, `Emitter::emit(…)`, `x.emit::<T>(…)`). */
function callOf(name: Node): Node | undefined {
  let n: Node = name;
  let p = n.parent;
  if (p && (p.type === 'field_expression' || p.type === 'scoped_identifier')) {
    n = p;
    p = p.parent;
  }
  if (p?.type === 'generic_function') {
    n = p;
    p = p.parent;
  }
  return p?.type === 'call_expression' && p.childForFieldName('function')?.startIndex === n.startIndex ? p : undefined;
}

/** The innermost function around a position, among those indexed so far. */
export function fnAt(out: FileIndex, at: number): FnNode | undefined {
  let best: FnNode | undefined;
  for (const f of out.functions) if (f.node.startIndex <= at && at < f.end && (!best || f.node.startIndex >= best.node.startIndex)) best = f;
  return best;
}

/**
 * Calls of interest in `[start, end)` of a tree: wherever the text names one, the node there is
 * asked whether it is a call's callee. `site` gives the scope and function for a macro body's tree.
 */
export function indexCalls(root: Node, start: number, end: number, out: FileIndex, site?: Site): void {
  const names = new RegExp(out.callNames.source, 'g');
  names.lastIndex = start;
  for (let m = names.exec(out.text); m && m.index < end; m = names.exec(out.text)) {
    if (unreadable(out, m.index)) continue;
    const leaf = root.descendantForIndex(m.index, m.index + m[0].length);
    const call = leaf && (leaf.type === 'identifier' || leaf.type === 'field_identifier') ? callOf(leaf) : undefined;
    if (!call) continue;
    const fn = site ? site.fn : fnAt(out, m.index);
    out.calls.push({ node: call, scope: site?.scope ?? fn?.item.scope ?? out.root, ...(fn ? { fn } : {}) });
  }
}

/**
 * A call with a string literal first or second argument (`call(&sidecar, "get_logs", …)`,
 * `sidecar.ask("x", …)`): maybe of a forward helper whose callers name the command. Found from
 * the text like the calls of interest; only the name before `(` is looked at in the tree.
 */
const LITERAL_CALL = /\b([A-Za-z_]\w*)\s*(?:::\s*<[^();{}]*>\s*)?\(\s*(?:&?(?:mut\s+)?[\w.]+\s*,\s*)?(?:r#*)?"/g;

export function indexLiteralCalls(root: Node, out: FileIndex): void {
  const re = new RegExp(LITERAL_CALL.source, 'g');
  for (let m = re.exec(out.text); m; m = re.exec(out.text)) {
    if (unreadable(out, m.index)) continue;
    const leaf = root.descendantForIndex(m.index, m.index + m[1]!.length);
    const call = leaf && (leaf.type === 'identifier' || leaf.type === 'field_identifier') ? callOf(leaf) : undefined;
    const fn = call ? fnAt(out, m.index) : undefined;
    if (call && fn) out.literalCalls.push({ node: call, scope: fn.item.scope, fn });
  }
}
