import type { ServiceDefinitionSpec, ServiceProblem } from '../service-definition.js';
import { plistToJs, type PlistValue } from './plist.js';

export const LAUNCHD_REQUIRED = ['Label', 'ProgramArguments|Program', 'RunAtLoad', 'KeepAlive'];

type Entry = PlistValue & { keyLine: number };

// The types launchd.plist(5) gives the keys a daemon definition depends on.
const TYPES: Record<string, (v: Entry) => string | undefined> = {
  Label: (v) => (v.type !== 'string' ? 'must be a <string>' : v.value.trim() === '' ? 'must not be empty' : undefined),
  Program: (v) => (v.type !== 'string' ? 'must be a <string>' : !v.value.startsWith('/') ? `must be an absolute path, found "${v.value}"` : undefined),
  ProgramArguments: (v) =>
    v.type !== 'array'
      ? 'must be an <array>'
      : v.items.length === 0
        ? 'must not be empty'
        : v.items.some((i) => i.type !== 'string')
          ? 'must hold only <string> items'
          : undefined,
  RunAtLoad: (v) => (v.type !== 'boolean' ? 'must be <true/> or <false/>' : undefined),
  KeepAlive: (v) => (v.type !== 'boolean' && v.type !== 'dict' ? `must be <true/>, <false/> or a <dict> of conditions, found ${describePlist(v)}` : v.type === 'dict' ? keepAliveProblem(v) : undefined),
  StandardOutPath: (v) => (v.type !== 'string' ? 'must be a <string>' : undefined),
  StandardErrorPath: (v) => (v.type !== 'string' ? 'must be a <string>' : undefined),
  WorkingDirectory: (v) => (v.type !== 'string' ? 'must be a <string>' : undefined),
  UserName: (v) => (v.type !== 'string' ? 'must be a <string>' : undefined),
  EnvironmentVariables: (v) => (v.type !== 'dict' ? 'must be a <dict>' : undefined),
};

// KeepAlive's conditions and the types launchd.plist(5) gives them.
const KEEP_ALIVE: Record<string, PlistValue['type']> = { SuccessfulExit: 'boolean', Crashed: 'boolean', NetworkState: 'boolean', AfterInitialDemand: 'boolean', PathState: 'dict', OtherJobEnabled: 'dict' };

function keepAliveProblem(v: PlistValue & { type: 'dict' }): string | undefined {
  for (const [k, inner] of v.entries) {
    const want = KEEP_ALIVE[k];
    if (want && inner.type !== want) return `condition "${k}" must be ${want === 'boolean' ? '<true/> or <false/>' : 'a <dict>'}, found ${describePlist(inner)}`;
  }
  return undefined;
}

/** A value as it stands in the file: <true/>, <string>false</string>, a <dict>. */
export function describePlist(v: PlistValue): string {
  if (v.type === 'boolean') return v.value ? '<true/>' : '<false/>';
  if (v.type === 'dict' || v.type === 'array') return `a <${v.type}>`;
  return `<${v.type}>${String(v.value).slice(0, 60)}</${v.type}>`;
}

/** The value at a dotted path (KeepAlive.SuccessfulExit, ProgramArguments.0); a key holding dots is matched whole first. */
export function plistAt(root: PlistValue, dotted: string): (PlistValue & { keyLine?: number }) | undefined {
  if (dotted === '') return root;
  if (root.type === 'dict') {
    if (root.entries.has(dotted)) return root.entries.get(dotted);
    const parts = dotted.split('.');
    for (let n = parts.length - 1; n >= 1; n--) {
      const head = parts.slice(0, n).join('.');
      const inner = root.entries.get(head);
      if (inner) return plistAt(inner, parts.slice(n).join('.'));
    }
    return undefined;
  }
  if (root.type === 'array') {
    const [first, ...rest] = dotted.split('.');
    const item = /^\d+$/.test(first!) ? root.items[Number(first)] : undefined;
    return item ? plistAt(item, rest.join('.')) : undefined;
  }
  return undefined;
}

export function inspectLaunchd(root: PlistValue, spec: ServiceDefinitionSpec): ServiceProblem[] {
  if (root.type !== 'dict') return [{ message: `the top-level value must be a <dict>, found <${root.type}>`, line: root.line }];
  const problems: ServiceProblem[] = [];
  for (const req of spec.require ?? LAUNCHD_REQUIRED) {
    const options = req.split('|');
    if (!options.some((k) => root.entries.has(k))) {
      problems.push({ message: `required key ${options.map((k) => `"${k}"`).join(' or ')} is missing`, line: root.line });
    }
  }
  for (const [key, v] of root.entries) {
    const why = TYPES[key]?.(v);
    if (why) problems.push({ message: `"${key}" ${why}`, line: v.keyLine });
  }
  for (const [key, want] of Object.entries(spec.expect ?? {})) {
    const v = plistAt(root, key);
    if (!v) {
      problems.push({ message: `"${key}" is missing (expected ${JSON.stringify(want)})`, line: root.line });
      continue;
    }
    const got = plistToJs(v);
    if (got !== want) problems.push({ message: `"${key}" is ${typeof got === typeof want || typeof got === 'object' ? JSON.stringify(got) : describePlist(v)}, expected ${JSON.stringify(want)}`, line: v.keyLine ?? v.line });
  }
  return problems;
}
