import fs from 'node:fs';
import path from 'node:path';
import { runToEnd } from '../../../../core/src/process/run.js';
import type { Redactor } from '../../../../core/src/redact.js';

/** What the platform's own tool said about a definition. */
export interface ValidatorResult {
  tool: string;
  /** Not installed here, or it could not judge this file here: that part is inconclusive. */
  inconclusive?: string;
  problems: Array<{ message: string; line?: number; severity: 'error' | 'warning' }>;
  output: string;
}

const TOOLS = { launchd: { tool: 'plutil', args: ['-lint'] }, systemd: { tool: 'systemd-analyze', args: ['verify'] } } as const;

function onPath(tool: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, tool);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Runs the platform's own validator on a definition when it is installed: `plutil -lint` for a
 * launchd plist, `systemd-analyze verify` for a systemd unit. plutil's complaints are errors (it
 * is launchd's parser); systemd-analyze's are warnings (they depend on its version and on the
 * machine), and a run that names nothing in the file (no manager to talk to) is inconclusive.
 */
export async function runValidator(format: 'launchd' | 'systemd', file: string, opts: { timeoutMs: number; signal: AbortSignal; redactor: Redactor }): Promise<ValidatorResult> {
  const { tool, args } = TOOLS[format];
  const bin = onPath(tool);
  if (!bin) return { tool: `${tool} ${args.join(' ')}`, inconclusive: `${tool} is not installed on this machine`, problems: [], output: '' };
  const r = await runToEnd({ command: [bin, ...args, file], cwd: path.dirname(file), timeoutMs: opts.timeoutMs, signal: opts.signal, redactor: opts.redactor });
  const output = r.text().replace(new RegExp(escape(file), 'g'), path.basename(file));
  const name = `${tool} ${args.join(' ')}`;
  if (r.spawnError || r.timedOut || r.aborted) return { tool: name, inconclusive: `${tool} did not finish (${r.spawnError ?? 'stopped at its limit'})`, problems: [], output };
  if (format === 'launchd' && r.exitCode === 0) return { tool: name, problems: [], output };
  if (format === 'launchd') return { tool: name, problems: [{ message: `plutil -lint: ${output.trim().split('\n').pop()}`, severity: 'error' }], output };
  const problems: ValidatorResult['problems'] = [];
  const base = path.basename(file);
  for (const line of output.split('\n')) {
    // "x.service:5: Failed to parse …", or "x.service: Command … is not executable" (the program check says that part).
    const m = new RegExp(`^${escape(base)}(?::(\\d+))?: (.*)$`).exec(line.trim());
    if (!m || /is not executable|No such file or directory/.test(m[2]!)) continue;
    problems.push({ message: `systemd-analyze: ${m[2]}`, ...(m[1] ? { line: Number(m[1]) } : {}), severity: 'warning' });
  }
  // It says what it ignores even when it exits 0; a failure that names nothing in the file is about the machine.
  if (r.exitCode !== 0 && !problems.length && !/not executable|No such file/.test(output)) {
    return { tool: name, inconclusive: `systemd-analyze could not verify it here: ${output.trim().split('\n')[0] ?? `exit ${r.exitCode}`}`, problems, output };
  }
  return { tool: name, problems, output };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
