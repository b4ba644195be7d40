import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

/** A property-list value with the line it starts on, so a finding can point at it. */
export type PlistValue =
  | { type: 'dict'; line: number; entries: Map<string, PlistValue & { keyLine: number }> }
  | { type: 'array'; line: number; items: PlistValue[] }
  | { type: 'string' | 'date' | 'data'; line: number; value: string }
  | { type: 'integer' | 'real'; line: number; value: number }
  | { type: 'boolean'; line: number; value: boolean };

export class PlistError extends Error {
  constructor(message: string, readonly line: number | undefined) {
    super(message);
  }
}

const ELEMENT_NODE = 1;
const TEXT_NODES = new Set([3, 4]); // text, CDATA

function elements(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) out.push(c as Element);
    else if (TEXT_NODES.has(c.nodeType) && (c.nodeValue ?? '').trim() !== '') {
      throw new PlistError(`unexpected text "${(c.nodeValue ?? '').trim().slice(0, 30)}" inside <${node.nodeName}>`, (c as { lineNumber?: number }).lineNumber);
    }
  }
  return out;
}

const lineOf = (e: Element) => (e as unknown as { lineNumber?: number }).lineNumber ?? 0;

function text(e: Element): string {
  let s = '';
  for (let c = e.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) throw new PlistError(`<${e.tagName}> must hold text, found <${c.nodeName}>`, lineOf(c as Element));
    s += c.nodeValue ?? '';
  }
  return s;
}

function value(e: Element): PlistValue {
  const line = lineOf(e);
  switch (e.tagName) {
    case 'dict': {
      const kids = elements(e);
      const entries = new Map<string, PlistValue & { keyLine: number }>();
      for (let i = 0; i < kids.length; i += 2) {
        const k = kids[i]!;
        if (k.tagName !== 'key') throw new PlistError(`<dict> expects <key> here, found <${k.tagName}>`, lineOf(k));
        const v = kids[i + 1];
        const name = text(k);
        if (!v) throw new PlistError(`key "${name}" has no value`, lineOf(k));
        if (entries.has(name)) throw new PlistError(`key "${name}" appears twice in one <dict>`, lineOf(k));
        entries.set(name, { ...value(v), keyLine: lineOf(k) });
      }
      return { type: 'dict', line, entries };
    }
    case 'array':
      return { type: 'array', line, items: elements(e).map(value) };
    case 'string':
    case 'date':
    case 'data':
      return { type: e.tagName, line, value: text(e) };
    case 'integer':
    case 'real': {
      const raw = text(e).trim();
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n) || (e.tagName === 'integer' && !Number.isInteger(n))) {
        throw new PlistError(`<${e.tagName}> holds "${raw}", not a number`, line);
      }
      return { type: e.tagName, line, value: n };
    }
    case 'true':
    case 'false':
      return { type: 'boolean', line, value: e.tagName === 'true' };
    default:
      throw new PlistError(`<${e.tagName}> is not a property-list element`, line);
  }
}

/** Parses an XML property list (what launchd reads) with a real XML parser; binary plists are refused with a hint. */
export function parsePlist(xml: string): PlistValue {
  if (xml.startsWith('bplist')) throw new PlistError('binary property lists are not read; convert with `plutil -convert xml1 FILE`', 1);
  let doc;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
  } catch (e) {
    const loc = (e as { locator?: { lineNumber?: number } }).locator;
    throw new PlistError(`not well-formed XML: ${(e as Error).message.split('\n')[0]}`, loc?.lineNumber);
  }
  const root = doc.documentElement;
  if (!root || root.tagName !== 'plist') throw new PlistError(`the root element must be <plist>, found <${root?.tagName ?? 'nothing'}>`, root ? lineOf(root) : 1);
  const kids = elements(root);
  if (kids.length !== 1) throw new PlistError(`<plist> must hold exactly one value, found ${kids.length}`, lineOf(root));
  return value(kids[0]!);
}

/** A plain JS view of a value, for comparing with expected values from the matrix file. */
export function plistToJs(v: PlistValue): unknown {
  switch (v.type) {
    case 'dict':
      return Object.fromEntries([...v.entries].map(([k, inner]) => [k, plistToJs(inner)]));
    case 'array':
      return v.items.map(plistToJs);
    default:
      return v.value;
  }
}
