/**
 * The corpus counter's Rust side: one pass of tree-sitter's Rust grammar over a file, collecting
 * what the corpus expectations are made of. Written for the corpus fixtures only; it shares no code
 * with cutover's extractors (only the grammar package), so the two can disagree and be compared.
 */
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let parser;

export async function rustParser() {
  if (!parser) {
    await Parser.init();
    const lang = await Language.load(require.resolve('tree-sitter-rust/tree-sitter-rust.wasm'));
    parser = new Parser();
    parser.setLanguage(lang);
  }
  return parser;
}

/** Parameter types Tauri fills in itself; the frontend never sends them. */
const INJECTED = new Set(['AppHandle', 'Window', 'WebviewWindow', 'Webview', 'State', 'Request', 'CommandScope', 'GlobalScope', 'Invoke', 'InvokeMessage']);

const line = (n) => n.startPosition.row + 1;
const span = (n) => [n.startPosition.row + 1, n.endPosition.row + 1];
const strValue = (n) => (n?.type === 'string_literal' || n?.type === 'raw_string_literal' ? n.namedChildren.filter((c) => c.type === 'string_content').map((c) => c.text).join('') : undefined);

/** Strips `&`, `.as_str()`, `.to_string()`, `.into()` around a name argument. */
function unwrapArg(n) {
  let cur = n;
  for (;;) {
    if (cur?.type === 'reference_expression') cur = cur.childForFieldName('value');
    else if (cur?.type === 'call_expression' && cur.childForFieldName('function')?.type === 'field_expression' && ['as_str', 'to_string', 'into', 'as_ref', 'to_owned'].includes(cur.childForFieldName('function').childForFieldName('field')?.text) && cur.childForFieldName('arguments')?.namedChildCount === 0) cur = cur.childForFieldName('function').childForFieldName('value');
    else return cur;
  }
}

/** A name argument: `{ literal }`, `{ ident }` (a const to look up), or `{ dynamic }` with its text. */
function nameArg(n) {
  const a = unwrapArg(n);
  if (!a) return { dynamic: '(missing)' };
  const s = strValue(a);
  if (s !== undefined) return { literal: s };
  if (a.type === 'identifier' || a.type === 'scoped_identifier') return { ident: a.text.split('::').pop(), text: a.text };
  return { dynamic: a.text.replace(/\s+/g, ' ').slice(0, 120) };
}

function attrInfo(attrItem) {
  const attr = attrItem.namedChildren.find((c) => c.type === 'attribute');
  const pathNode = attr?.namedChildren[0];
  const args = attr?.childForFieldName('arguments');
  return { path: pathNode?.text ?? '', args: args?.text ?? '', value: strValue(attr?.childForFieldName('value')), node: attrItem };
}

/** Use trees as flat entries: `{ path: ['a','b'], alias }` or `{ path: ['a'], glob: true }`. */
function useEntries(node, prefix = []) {
  switch (node.type) {
    case 'identifier': case 'self': case 'crate': case 'super': case 'metavariable':
      return [{ path: [...prefix, node.text] }];
    case 'scoped_identifier':
      return [{ path: [...prefix, ...node.text.split('::').map((s) => s.trim())] }];
    case 'use_as_clause': {
      const [e] = useEntries(node.childForFieldName('path'), prefix);
      return [{ ...e, alias: node.childForFieldName('alias').text }];
    }
    case 'use_wildcard': {
      const inner = node.namedChildren[0];
      return [{ path: inner ? [...prefix, ...inner.text.split('::').map((s) => s.trim())] : prefix, glob: true }];
    }
    case 'scoped_use_list': {
      const p = node.childForFieldName('path');
      const pre = p ? [...prefix, ...p.text.split('::').map((s) => s.trim())] : prefix;
      return useEntries(node.childForFieldName('list'), pre);
    }
    case 'use_list':
      return node.namedChildren.flatMap((c) => useEntries(c, prefix));
    default:
      return [];
  }
}

function handlerEntries(tokenTree) {
  const entries = [];
  let cur = [];
  let startLine = 0;
  let cfg;
  const kids = tokenTree.children.slice(1, -1);
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (k.type === '#' && kids[i + 1]?.type === 'token_tree') {
      cfg = kids[i + 1].text;
      i++;
      continue;
    }
    if (k.type === ',') {
      if (cur.length) entries.push({ path: cur, line: startLine, cfg });
      cur = [];
      cfg = undefined;
      continue;
    }
    if (k.type === '::' || k.type === 'line_comment' || k.type === 'block_comment') continue;
    if (!cur.length) startLine = line(k);
    cur.push(k.text);
  }
  if (cur.length) entries.push({ path: cur, line: startLine, cfg });
  return entries;
}

function paramInfo(p, snakeKeys) {
  if (p.type !== 'parameter') return undefined;
  const typeText = p.childForFieldName('type')?.text ?? '';
  const pattern = p.childForFieldName('pattern')?.text.replace(/^mut\s+/, '') ?? '';
  const base = typeText.replace(/^&\s*(mut\s+)?('\w+\s+)?/, '').replace(/<.*$/s, '').split('::').pop().trim();
  const injected = INJECTED.has(base);
  const key = snakeKeys ? pattern : pattern.replace(/^_+/, '').replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  return { name: pattern, key, typeText, injected, required: !/^(std::option::|core::option::)?Option\s*</.test(typeText) };
}

/** Scans one Rust file. `inline` is the chain of inline `mod x { }` blocks an item sits in. */
export function scanRust(tree) {
  const out = { uses: [], mods: [], fns: [], consts: [], handlers: [], calls: [], builders: [], errors: [] };
  const visit = (node, inline) => {
    let attrs = [];
    for (const c of node.namedChildren) {
      if (c.type === 'attribute_item') { attrs.push(attrInfo(c)); continue; }
      if (c.type === 'line_comment' || c.type === 'block_comment') continue;
      item(c, attrs, inline);
      attrs = [];
    }
  };
  const item = (c, attrs, inline) => {
    const cfg = attrs.filter((a) => a.path === 'cfg').map((a) => a.args).join(' ') || undefined;
    if (c.type === 'use_declaration') {
      const vis = c.namedChildren.find((x) => x.type === 'visibility_modifier')?.text;
      for (const e of useEntries(c.childForFieldName('argument'))) out.uses.push({ ...e, vis, inline, line: line(c), cfg });
    } else if (c.type === 'mod_item') {
      const name = c.childForFieldName('name').text;
      const body = c.childForFieldName('body');
      out.mods.push({ name, inline, line: line(c), path: attrs.find((a) => a.path === 'path')?.value, body: !!body, cfg });
      if (body) visit(body, [...inline, name]);
      return;
    } else if (c.type === 'function_item') {
      const cmdAttr = attrs.find((a) => a.path === 'tauri::command' || a.path === 'command');
      const snakeKeys = /rename_all\s*=\s*"snake_case"/.test(cmdAttr?.args ?? '');
      const params = c.childForFieldName('parameters').namedChildren.map((p) => paramInfo(p, snakeKeys)).filter(Boolean);
      out.fns.push({ name: c.childForFieldName('name').text, inline, line: line(c.childForFieldName('name')), span: span(c), attr: cmdAttr && { path: cmdAttr.path, args: cmdAttr.args, line: line(cmdAttr.node) }, cfg, params, async: /\basync\b/.test(c.children.find((x) => x.type === 'function_modifiers')?.text ?? '') });
    }
    walkExprs(c, out, inline);
    if (c.type === 'declaration_list' || c.type === 'impl_item' || c.type === 'trait_item') return;
  };
  visit(tree.rootNode, []);
  out.errors = grammarErrors(tree.rootNode);
  return out;
}

/** ERROR nodes and MISSING tokens: where the grammar gave up on (possibly valid) code. */
function grammarErrors(root) {
  const found = [];
  const walk = (n) => {
    if (n.type === 'ERROR' || n.isMissing) {
      found.push({ span: span(n), text: (n.isMissing ? `missing ${n.type} before: ` : '') + (n.isMissing ? n.parent?.text : n.text).slice(0, 160) });
      return;
    }
    for (let i = 0; i < n.childCount; i++) if (n.child(i).hasError || n.child(i).isMissing) walk(n.child(i));
  };
  if (root.hasError) walk(root);
  return found;
}

/**
 * Calls anywhere below an item (generate_handler!, plugin builders, and every call with its first
 * two arguments, so emits, listens and emit wrappers can be told apart across files). Inline mods
 * are visited by `scanRust`.
 */
function walkExprs(root, out, inline) {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (n !== root && n.type === 'mod_item') continue;
    if (n.type === 'const_item' || n.type === 'static_item') {
      const v = strValue(n.childForFieldName('value'));
      if (v !== undefined) out.consts.push({ name: n.childForFieldName('name').text, value: v, line: line(n) });
    }
    if (n.type === 'macro_invocation') {
      const m = n.childForFieldName('macro')?.text ?? '';
      const tt = n.namedChildren.find((x) => x.type === 'token_tree');
      if (/(^|::)generate_handler$/.test(m) && tt) out.handlers.push({ line: line(n), span: span(n), entries: handlerEntries(tt), macro: m, inline });
      else if (tt) macroCalls(tt, out, enclosing(n));
    }
    if (n.type === 'call_expression') {
      const fn = n.childForFieldName('function');
      const args = n.childForFieldName('arguments')?.namedChildren.filter((x) => x.type !== 'line_comment' && x.type !== 'block_comment') ?? [];
      const method = fn?.type === 'field_expression';
      const last = method ? fn.childForFieldName('field')?.text : fn?.type === 'generic_function' ? fn.childForFieldName('function')?.text.split('::').pop() : fn?.text.split('::').pop();
      out.calls.push({ callee: (method ? fn.childForFieldName('value').text : fn?.text ?? '').replace(/\s+/g, ' ').slice(0, 80), last, method, args: args.slice(0, 3).map(nameArg), argc: args.length, line: line(n), fn: enclosing(n) });
      if (fn && /(^|::)Builder::new$/.test(fn.text) && strValue(args[0]) !== undefined) out.builders.push({ callee: fn.text, name: strValue(args[0]), line: line(n) });
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) stack.push(n.namedChild(i));
  }
}

/** The fn a node is in: its name and parameter names (`self` left out), for wrappers. */
function enclosing(n) {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'function_item') {
      const params = p.childForFieldName('parameters').namedChildren.filter((x) => x.type === 'parameter').map((x) => x.childForFieldName('pattern')?.text.replace(/^mut\s+/, ''));
      return { name: p.childForFieldName('name').text, params, line: line(p) };
    }
  }
  return undefined;
}

/** Calls inside a macro's token tree (log_err!(…), select!, json!…), which the grammar leaves unparsed. */
function macroCalls(tt, out, fn) {
  const kids = tt.children;
  for (let i = 1; i < kids.length - 1; i++) {
    if ((kids[i - 1].type === '.' || kids[i - 1].type === '::') && kids[i].type === 'identifier' && kids[i + 1]?.type === 'token_tree' && kids[i + 1].children[0]?.type === '(') {
      const groups = [[]];
      for (const t of kids[i + 1].children.slice(1, -1)) t.type === ',' ? groups.push([]) : groups.at(-1).push(t);
      const arg = (g) => (g.length === 1 && strValue(g[0]) !== undefined ? { literal: strValue(g[0]) } : g.length === 1 && g[0].type === 'identifier' ? { ident: g[0].text, text: g[0].text } : { dynamic: g.map((t) => t.text).join(' ').slice(0, 80) });
      const method = kids[i - 1].type === '.';
      out.calls.push({ callee: method ? kids[i - 2]?.text ?? '' : kids.slice(Math.max(1, i - 2), i).map((k) => k.text).join(''), last: kids[i].text, method, args: groups.slice(0, 3).map(arg), argc: groups[0].length ? groups.length : 0, line: line(kids[i]), fn, inMacro: true });
    }
    if (kids[i].type === 'token_tree') macroCalls(kids[i], out, fn);
  }
}
