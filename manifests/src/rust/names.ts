/**
 * What a command or event name expression evaluates to, statically: a literal (`"x"`, a crate
 * `const`, `"x".to_string()`, a `let` bound to one of those), a literal prefix followed by
 * something dynamic (`format!("agent:{}", t)`, `"agent:".to_string() + &t`), or unresolved.
 */
import type { Node } from 'web-tree-sitter';
import type { CrateIndex } from './crate-index.js';
import type { Site } from './file-index.js';
import { localBinding } from './locals.js';
import { callArguments, flatText, innerTokens, macroBase, macroTokens, pathSegments, peel, splitTopLevel, stringValue, unraw } from './nodes.js';
import { resolveName } from './resolve.js';

export type NameValue =
  | { kind: 'literal'; value: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'unresolved'; expression: string; reason: string };

const CONVERSIONS = new Set(['to_string', 'to_owned', 'into', 'as_str', 'clone', 'as_ref']);

function unresolved(node: Node, reason: string): NameValue {
  return { kind: 'unresolved', expression: flatText(node), reason };
}

/**
 * Reads a format string: its literal text when it has no placeholder, or the literal prefix
 * before a single trailing placeholder. Anything else is not a name this can state.
 */
export function formatPrefix(fmt: string): { literal: string } | { prefix: string } | undefined {
  let text = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if ((ch === '{' || ch === '}') && fmt[i + 1] === ch) {
      text += ch;
      i++;
    } else if (ch === '{') {
      const close = fmt.indexOf('}', i);
      return close === fmt.length - 1 && close > i ? { prefix: text } : undefined;
    } else if (ch === '}') return undefined;
    else text += ch;
  }
  return { literal: text };
}

function fromFormat(node: Node): NameValue {
  const tree = macroTokens(node);
  const first = tree ? splitTopLevel(innerTokens(tree))[0] : undefined;
  const fmt = first && first.length === 1 ? stringValue(first[0]!) : undefined;
  if (fmt === undefined) return unresolved(node, 'the format string is not a literal');
  const read = formatPrefix(fmt);
  if (!read) return unresolved(node, 'the format string is not a literal prefix followed by one placeholder');
  if ('literal' in read) return { kind: 'literal', value: read.literal };
  if (!read.prefix) return unresolved(node, 'the name is formatted with no literal prefix');
  return { kind: 'prefix', prefix: read.prefix };
}

function fromConst(node: Node, index: CrateIndex, site: Site): NameValue | undefined {
  const found = resolveName(index, index.consts, pathSegments(node), site.scope);
  if (!('decl' in found)) return undefined;
  const value = found.decl.value;
  return value === undefined ? unresolved(node, `constant ${found.decl.name} is not a string literal`) : { kind: 'literal', value };
}

export function nameValue(expr: Node, index: CrateIndex, site: Site, depth = 0): NameValue {
  const node = peel(expr);
  const literal = stringValue(node);
  if (literal !== undefined) return { kind: 'literal', value: literal };
  if (depth > 4) return unresolved(node, 'the name is built through too many steps');
  switch (node.type) {
    case 'identifier': {
      // A local `let` shadows a constant of the same name.
      const local = localBinding(unraw(node.text), site);
      if (local?.value) {
        const v = nameValue(local.value, index, site, depth + 1);
        return v.kind === 'unresolved' ? unresolved(node, `a variable bound to ${v.expression} (${v.reason})`) : v;
      }
      return fromConst(node, index, site) ?? unresolved(node, 'a variable, not a string literal or a crate constant');
    }
    case 'scoped_identifier':
      return fromConst(node, index, site) ?? unresolved(node, 'not a constant declared in the parsed crate');
    case 'macro_invocation':
      return macroBase(node) === 'format' ? fromFormat(node) : unresolved(node, 'a macro other than format!');
    case 'call_expression': {
      const fn = node.childForFieldName('function');
      const args = callArguments(node);
      // "x".to_string(), NAME.into() and String::from("x") name the same string.
      if (fn?.type === 'field_expression' && args.length === 0 && CONVERSIONS.has(fn.childForFieldName('field')?.text ?? '')) {
        const receiver = fn.childForFieldName('value');
        if (receiver) return nameValue(receiver, index, site, depth + 1);
      }
      if (fn?.type === 'scoped_identifier' && pathSegments(fn).slice(-2).join('::') === 'String::from' && args[0]) {
        return nameValue(args[0], index, site, depth + 1);
      }
      return unresolved(node, 'a function call');
    }
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (op !== '+' || !left || !right) return unresolved(node, 'not a string expression');
      const l = nameValue(left, index, site, depth + 1);
      if (l.kind !== 'literal') return l.kind === 'prefix' ? l : unresolved(node, 'the start of the name is not a literal');
      const r = nameValue(right, index, site, depth + 1);
      if (r.kind === 'literal') return { kind: 'literal', value: l.value + r.value };
      return l.value ? { kind: 'prefix', prefix: l.value + (r.kind === 'prefix' ? r.prefix : '') } : unresolved(node, 'the name has no literal prefix');
    }
    default:
      return unresolved(node, 'not a string literal or a crate constant');
  }
}
