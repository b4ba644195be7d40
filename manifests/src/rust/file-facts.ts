/**
 * Reads one Rust file: parse, walk, read every fact-to-be into plain data, delete the trees.
 * Nothing here needs another file; constants, paths and types are settled later over the
 * whole crate (crate-index.ts and the extractors).
 */
import type { Node, Parser } from 'web-tree-sitter';
import { InternalError } from '../../../core/src/errors.js';
import type { RustOptions, SourceFile } from '../model.js';
import { cfgPredicates, metaItems, readAttributes } from './attributes.js';
import { EMITTERS, emitOf, forwardOf } from './collect-calls.js';
import { handlerOf } from './collect-handlers.js';
import { helperCallOf } from './forward-helper.js';
import { registrationOf } from './collect-registrations.js';
import { controlArms } from './control-dispatch.js';
import { controlRequests } from './control-requests.js';
import { dispatchOf } from './dispatch.js';
import { indexFile, pathAttribute, type DeclNode, type FileIndex } from './file-index.js';
import { readUse } from './imports.js';
import type { FileData, TypeStub } from './items.js';
import { containerAttrs } from './serde-attrs.js';
import { indexMacroBodies, isDataMacro } from './macro-bodies.js';
import { lineOf, macroName, namedKids, stringValue } from './nodes.js';
import { badNodes, readRecovery, unreadableRanges } from './recovery.js';
import { readCommand } from './tauri-command.js';

function genericsOf(node: Node): string[] {
  const params = node.childForFieldName('type_parameters');
  if (!params) return [];
  const out: string[] = [];
  for (const p of namedKids(params)) {
    if (p.type === 'type_parameter') {
      const name = p.childForFieldName('name');
      if (name) out.push(name.text);
    } else if (p.type === 'type_identifier') out.push(p.text);
  }
  return out;
}

function typeStub(d: DeclNode, control: boolean): TypeStub | undefined {
  const t = d.node.type;
  const kind = t === 'struct_item' ? 'struct' : t === 'enum_item' ? 'enum' : t === 'type_item' ? 'alias' : undefined;
  if (!kind) return undefined;
  const first = d.attrs[0] ?? d.node;
  const range = { startIndex: first.startIndex, endIndex: d.node.endIndex, startPosition: first.startPosition, endPosition: d.node.endPosition };
  // A control plane's request enum is found by its serde tag (`#[serde(tag = "cmd")]`); a request struct is one a client can serialize.
  const attrs = control && kind !== 'alias' && d.attrs.length ? readAttributes(d.attrs) : [];
  const tag = kind === 'enum' && attrs.length ? containerAttrs(attrs).tag : undefined;
  const serializes = kind === 'struct' && metaItems(attrs, 'derive').some((m) => m.path === 'Serialize' || m.path.endsWith('::Serialize'));
  return { kind, name: d.name, scope: d.scope, generics: genericsOf(d.node), range, line: lineOf(d.node), ...(tag !== undefined ? { tag } : {}), ...(serializes ? { serializes } : {}) };
}

function lastSegment(call: string): string {
  return call.split(/::|\./).filter(Boolean).pop() ?? call;
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The names a call of interest ends in: Tauri's emitting methods, the configured forward calls, `invoke_handler`. */
function callNames(options: RustOptions): RegExp {
  const names = [...Object.keys(EMITTERS), ...options.forwardCalls.map(lastSegment), 'invoke_handler'];
  return new RegExp(`\\b(?:${[...new Set(names)].map(escape).join('|')})\\b`);
}

function read(index: FileIndex, bad: readonly Node[], options: RustOptions, control: boolean): FileData {
  const rel = index.rel;
  for (const u of index.uses) u.scope.uses.push(...readUse(u.node, u.inFn));
  const recovery = readRecovery(bad, index, new Set(options.forwardCalls.map(lastSegment)));
  const data: FileData = {
    root: index.root,
    scopes: index.scopes,
    functions: [],
    types: [],
    consts: [],
    modDecls: [],
    opaque: recovery.opaque,
    registrations: [],
    handlers: [],
    forwards: [],
    helperCalls: [],
    emits: [],
    wrapperCalls: [],
    dispatches: [],
    recovered: recovery.recovered,
    lost: recovery.lost,
  };
  for (const fn of index.functions) {
    readCommand(fn);
    data.functions.push(fn.item);
    const dispatch = fn.item.command ? dispatchOf(fn, rel, options) : undefined;
    if (dispatch) data.dispatches.push(dispatch);
  }
  for (const site of index.macros) {
    const registration = registrationOf(site, rel);
    if (registration) data.registrations.push(registration);
    else if (!site.fn && !site.expanded && !isDataMacro(site.node)) {
      data.opaque.push({ scope: site.scope, line: lineOf(site.node), what: `the macro ${macroName(site.node)}! (${rel}:${lineOf(site.node)})` });
    }
  }
  for (const site of index.calls) {
    const emit = emitOf(site, rel);
    if (emit && 'callee' in emit) data.wrapperCalls.push(emit);
    else if (emit) data.emits.push(emit);
    const forward = forwardOf(site, rel, options);
    if (forward) data.forwards.push(forward);
    const handler = handlerOf(site, rel);
    if (handler) data.handlers.push(handler);
  }
  for (const site of index.literalCalls) {
    const call = helperCallOf(site, rel);
    if (call) data.helperCalls.push(call);
  }
  for (const d of index.types) {
    const stub = typeStub(d, control);
    if (stub) data.types.push(stub);
  }
  if (control && options.controlPlane) {
    const names = new Set(options.controlPlane.discriminants);
    data.control = { arms: controlArms(index, names), ...controlRequests(index, names) };
  }
  for (const d of index.consts) {
    const valueNode = d.node.childForFieldName('value');
    const value = valueNode ? stringValue(valueNode) : undefined;
    data.consts.push({ name: d.name, scope: d.scope, ...(d.owner ? { owner: d.owner } : {}), ...(value !== undefined ? { value } : {}) });
  }
  for (const d of index.modDecls) {
    const pathAttr = pathAttribute(d.attrs);
    data.modDecls.push({ scope: d.scope, name: d.name, ...(pathAttr !== undefined ? { pathAttr } : {}), cfgs: cfgPredicates(readAttributes(d.attrs)), line: lineOf(d.node) });
  }
  return data;
}

/**
 * Parses and reads one file; every tree made on the way is deleted before it returns. `control`:
 * the file is one of the control plane's, whose dispatch and requests are read too.
 */
export function readRustFile(parser: Parser, source: SourceFile, options: RustOptions, control = false): FileData {
  const tree = parser.parse(source.text);
  if (!tree) throw new InternalError(`the Rust parser returned no tree for ${source.rel}`);
  try {
    const bad = badNodes(tree.rootNode);
    const index = indexFile(tree.rootNode, source.rel, source.text, callNames(options), unreadableRanges(bad));
    const bodies = indexMacroBodies(parser, source.text, index);
    try {
      return read(index, bad, options, control);
    } finally {
      for (const t of bodies) t.delete();
    }
  } finally {
    tree.delete();
  }
}
