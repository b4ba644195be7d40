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
  KeepAlive: (v) => (v.type !== 'boolean' && v.type !== 'dict' ? 'must be a boolean or a <dict> of conditions' : undefined),
  StandardOutPath: (v) => (v.type !== 'string' ? 'must be a <string>' : undefined),
  StandardErrorPath: (v) => (v.type !== 'string' ? 'must be a <string>' : undefined),
  WorkingDirectory: (v) => (v.type !== 'string' ? 'must be a <string>' : undefined),
  UserName: (v) => (v.type !== 'string' ? 'must be a <string>' : undefined),
  EnvironmentVariables: (v) => (v.type !== 'dict' ? 'must be a <dict>' : undefined),
};

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
    const v = root.entries.get(key);
    if (!v) {
      problems.push({ message: `"${key}" is missing (expected ${JSON.stringify(want)})`, line: root.line });
      continue;
    }
    const got = plistToJs(v);
    if (got !== want) problems.push({ message: `"${key}" is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`, line: v.keyLine });
  }
  return problems;
}
