/**
 * What a command or event name expression evaluates to, read while the file's tree is alive: a
 * literal (`"x"`, `"x".to_string()`, a `let` bound to one), a literal prefix followed by
 * something dynamic (`format!("agent:{}", t)`), a reference to a constant (resolved once every
 * file is read, see names.ts), or unresolved with the reason.
 */
import type { Node } from 'web-tree-sitter';
import type { Site } from './file-index.js';
import type { ModuleScope } from './items.js';
import { localBinding, paramNames } from './locals.js';
import { callArguments, flatText, innerTokens, macroBase, macroTokens, pathSegments, peel, splitTopLevel, stringValue, unraw } from './nodes.js';

export type NameExpr =
  | { kind: 'literal'; value: string }
  /** `expression`: the name as written (`format!("agent:{}", t)`, or `name = format!(…)` through a `let`). */
  | { kind: 'prefix'; prefix: string; expression: string }
  /** `param`: the name is this parameter of the function around it (a wrapper's). */
  | { kind: 'unresolved'; expression: string; reason: string; param?: string }
  /** A constant, looked up in the crate later; `via` is the local variable bound to it. */
  | { kind: 'const'; segments: string[]; scope: ModuleScope; expression: string; via?: string }
  | { kind: 'concat'; left: NameExpr; right: NameExpr; expression: string };

const CONVERSIONS = new Set(['to_string', 'to_owned', 'into', 'as_str', 'clone', 'as_ref']);

function unresolved(node: Node, reason: string): NameExpr {
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

function fromFormat(node: Node): NameExpr {
  const tree = macroTokens(node);
  const first = tree ? splitTopLevel(innerTokens(tree))[0] : undefined;
  const fmt = first && first.length === 1 ? stringValue(first[0]!) : undefined;
  if (fmt === undefined) return unresolved(node, 'the format string is not a literal');
  const read = formatPrefix(fmt);
  if (!read) return unresolved(node, 'the format string is not a literal prefix followed by one placeholder');
  if ('literal' in read) return { kind: 'literal', value: read.literal };
  if (!read.prefix) return unresolved(node, 'the name is formatted with no literal prefix');
  return { kind: 'prefix', prefix: read.prefix, expression: flatText(node) };
}

function fromIdentifier(node: Node, site: Site, depth: number): NameExpr {
  const name = unraw(node.text);
  // A local `let` shadows a parameter, which shadows a constant of the same name.
  const local = localBinding(name, site);
  if (local?.value) {
    const v = nameExpr(local.value, site, depth + 1);
    if (v.kind === 'unresolved') return unresolved(node, `a variable bound to ${v.expression} (${v.reason})`);
    if (v.kind === 'prefix') return { ...v, expression: `${name} = ${v.expression}` };
    return v.kind === 'const' ? { ...v, via: name } : v;
  }
  if (local) return unresolved(node, 'a variable assigned later, not a string literal or a crate constant');
  if (site.fn && paramNames(site.fn).includes(name)) {
    return { ...unresolved(node, `parameter \`${name}\` of fn ${site.fn.item.name}: the name is whatever its callers pass`), param: name } as NameExpr;
  }
  return { kind: 'const', segments: [name], scope: site.scope, expression: flatText(node) };
}

export function nameExpr(expr: Node, site: Site, depth = 0): NameExpr {
  const node = peel(expr);
  const literal = stringValue(node);
  if (literal !== undefined) return { kind: 'literal', value: literal };
  if (depth > 4) return unresolved(node, 'the name is built through too many steps');
  switch (node.type) {
    case 'identifier':
      return fromIdentifier(node, site, depth);
    case 'scoped_identifier': {
      // `Self::NAME` in a method is the const of its impl's type.
      const segments = pathSegments(node);
      const self = site.fn?.item.selfType;
      return { kind: 'const', segments: segments[0] === 'Self' && self ? [...self, ...segments.slice(1)] : segments, scope: site.scope, expression: flatText(node) };
    }
    case 'macro_invocation':
      return macroBase(node) === 'format' ? fromFormat(node) : unresolved(node, 'a macro other than format!');
    case 'call_expression': {
      const fn = node.childForFieldName('function');
      const args = callArguments(node);
      // "x".to_string(), NAME.into() and String::from("x") name the same string.
      if (fn?.type === 'field_expression' && args.length === 0 && CONVERSIONS.has(fn.childForFieldName('field')?.text ?? '')) {
        const receiver = fn.childForFieldName('value');
        if (receiver) return nameExpr(receiver, site, depth + 1);
      }
      if (fn?.type === 'scoped_identifier' && pathSegments(fn).slice(-2).join('::') === 'String::from' && args[0]) {
        return nameExpr(args[0], site, depth + 1);
      }
      return unresolved(node, 'a function call');
    }
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (op !== '+' || !left || !right) return unresolved(node, 'not a string expression');
      return { kind: 'concat', left: nameExpr(left, site, depth + 1), right: nameExpr(right, site, depth + 1), expression: flatText(node) };
    }
    default:
      return unresolved(node, 'not a string literal or a crate constant');
  }
}
