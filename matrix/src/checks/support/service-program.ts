import fs from 'node:fs';
import type { PlistValue } from './plist.js';
import { unitValue, type SystemdUnit } from './systemd-unit.js';

/** The program a definition starts: launchd's Program or ProgramArguments[0], systemd's ExecStart after its prefixes. */
export function programOf(format: 'launchd' | 'systemd', parsed: PlistValue | SystemdUnit): { path: string; line?: number } | undefined {
  if (format === 'launchd') {
    const root = parsed as PlistValue;
    if (root.type !== 'dict') return undefined;
    const program = root.entries.get('Program');
    if (program?.type === 'string') return { path: program.value, line: program.line };
    const args = root.entries.get('ProgramArguments');
    const first = args?.type === 'array' ? args.items[0] : undefined;
    return first?.type === 'string' ? { path: first.value, line: first.line } : undefined;
  }
  const exec = unitValue(parsed as SystemdUnit, 'Service', 'ExecStart');
  if (!exec) return undefined;
  const program = exec.value.replace(/^[@\-:+!]+/, '').trim().split(/\s+/)[0];
  return program ? { path: program, line: exec.line } : undefined;
}

/** Why the program cannot be started on this machine, or undefined when it can. */
export function programProblem(program: string): string | undefined {
  if (program.startsWith('%') || program.includes('$')) return undefined;
  if (!program.startsWith('/')) return undefined;
  let st: fs.Stats;
  try {
    st = fs.statSync(program);
  } catch {
    return `the program ${program} does not exist on this machine`;
  }
  if (!st.isFile()) return `the program ${program} is not a file`;
  try {
    fs.accessSync(program, fs.constants.X_OK);
  } catch {
    return `the program ${program} is not executable`;
  }
  return undefined;
}
