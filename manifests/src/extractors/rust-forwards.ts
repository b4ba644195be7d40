import type { Node } from 'web-tree-sitter';
import type { Extractor, ForwardFact, UnresolvedFact } from '../model.js';
import { matchesCall, siteCallee, type Callee } from '../rust/calls.js';
import { crateIndex, type CrateIndex } from '../rust/crate-index.js';
import type { Site } from '../rust/file-index.js';
import { isJsonMacro, jsonObjectKeys } from '../rust/json-macro.js';
import { localBinding } from '../rust/locals.js';
import { nameValue } from '../rust/names.js';
import { callArguments, flatText, isStringLiteral, locOf, peel, unraw } from '../rust/nodes.js';
import { commandAttribute } from '../rust/tauri-command.js';

/** `Some(json!(…))`, `&json!(…)`, or a local bound to one: the `json!` invocation, if any. */
function jsonPayload(arg: Node, site: Site, depth = 0): Node | undefined {
  const node = peel(arg);
  if (isJsonMacro(node)) return node;
  if (node.type === 'call_expression' && node.childForFieldName('function')?.text === 'Some') {
    const inner = callArguments(node)[0];
    return inner ? jsonPayload(inner, site, depth) : undefined;
  }
  if (node.type === 'identifier' && depth < 2) {
    const value = localBinding(unraw(node.text), site)?.value;
    return value ? jsonPayload(value, site, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * The name argument: the first one, or the second when only that one is a string literal, so a
 * receiver passed first (`Sidecar::send_command(&mgr, "x", …)`, `send_command(&state, "x", …)`)
 * is skipped.
 */
function nameArgument(args: readonly Node[]): number {
  const [first, second] = args;
  return first && second && !isStringLiteral(peel(first)) && isStringLiteral(peel(second)) ? 1 : 0;
}

function forwardOf(site: Site, callee: Callee, index: CrateIndex, rel: string): ForwardFact | UnresolvedFact | undefined {
  const args = callArguments(site.node);
  const at = nameArgument(args);
  const nameArg = args[at];
  if (!nameArg) return undefined;
  const from = site.fn && commandAttribute(site.fn) ? site.fn.name : undefined;
  const loc = locOf(rel, callee.nameNode);
  const name = nameValue(nameArg, index, site);
  if (name.kind !== 'literal') {
    const reason = name.kind === 'unresolved' ? name.reason : `only the start of the command name is literal ("${name.prefix}")`;
    return { kind: 'unresolved', role: 'forward', expression: flatText(peel(nameArg)), reason, loc };
  }
  const rest = args.slice(at + 1);
  let keys: string[] | undefined = [];
  if (rest.length > 0) {
    const payload = rest.map((a) => jsonPayload(a, site)).find((p) => p !== undefined);
    keys = payload ? jsonObjectKeys(payload) : undefined;
  }
  return { kind: 'forward', ...(from !== undefined ? { from } : {}), to: name.value, ...(keys ? { keys } : {}), loc };
}

/**
 * Calls that forward a command to the sidecar (`send_command("name", json!({…}))` by default,
 * configurable): the sidecar command name and the keys of the `json!` payload.
 */
export const rustForwards: Extractor = {
  id: 'rust-forwards',
  description: 'Rust calls forwarding to a sidecar command (send_command by default) with their json! payload keys.',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const index = await crateIndex(ctx);
    const facts: Array<ForwardFact | UnresolvedFact> = [];
    for (const file of index.files) {
      for (const site of file.index?.calls ?? []) {
        const callee = siteCallee(site);
        if (!callee || !ctx.rust.forwardCalls.some((c) => matchesCall(callee, c))) continue;
        // Inside the forwarding function itself (a wrapper delegating to another layer), the
        // name is its own parameter, not a command.
        if (site.fn && site.fn.name === callee.name) continue;
        const fact = forwardOf(site, callee, index, file.source.rel);
        if (fact) facts.push(fact);
      }
    }
    return { facts, findings: [] };
  },
};
