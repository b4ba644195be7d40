/** The shape of a call: what it calls (free function, path, or method) and its arguments. */
import type { Node } from 'web-tree-sitter';
import type { Site } from './file-index.js';
import { pathSegments, unraw } from './nodes.js';

export interface Callee {
  /** `send_command` of `send_command(…)`, `x.send_command(…)` and `a::send_command::<T>(…)`. */
  name: string;
  /** Path before the name: `['sidecar']` for `sidecar::send_command(…)`; empty otherwise. */
  qualifier: string[];
  method: boolean;
  /** The name token: where a fact about the call points (a chain's `.emit` line, not its start). */
  nameNode: Node;
}

const calleeCache = new WeakMap<Site, Callee | null>();

/** The callee of an indexed call site, read once. */
export function siteCallee(site: Site): Callee | undefined {
  let found = calleeCache.get(site);
  if (found === undefined) {
    found = calleeOf(site.node) ?? null;
    calleeCache.set(site, found);
  }
  return found ?? undefined;
}

export function calleeOf(call: Node): Callee | undefined {
  let fn = call.childForFieldName('function');
  if (fn?.type === 'generic_function') fn = fn.childForFieldName('function');
  if (!fn) return undefined;
  switch (fn.type) {
    case 'identifier':
      return { name: unraw(fn.text), qualifier: [], method: false, nameNode: fn };
    case 'scoped_identifier': {
      const segs = pathSegments(fn);
      const name = segs.pop();
      const nameNode = fn.childForFieldName('name') ?? fn;
      return name === undefined ? undefined : { name, qualifier: segs, method: false, nameNode };
    }
    case 'field_expression': {
      const field = fn.childForFieldName('field');
      return field ? { name: unraw(field.text), qualifier: [], method: true, nameNode: field } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Whether a call matches a configured call name: `send_command` matches the free function, any
 * method and any path ending in it; `sidecar::send_command` or `Sidecar.send_command` also needs
 * that qualifier (paths only; a method's receiver type is not known statically).
 */
export function matchesCall(callee: Callee, configured: string): boolean {
  const parts = configured.split(/::|\./).filter(Boolean);
  const name = parts.pop();
  if (name !== callee.name) return false;
  if (parts.length === 0 || callee.method) return true;
  const tail = callee.qualifier.slice(-parts.length);
  return tail.length === parts.length && tail.every((s, i) => s === parts[i]);
}
