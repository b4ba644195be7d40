import fs from 'node:fs';
import type { LifecycleSession, TargetState } from './session.js';

/** A line to look for: in a log file, or in one of the target's output streams (default: both, as they arrived). */
export interface LogMatch {
  pattern: string;
  file?: string;
  stream?: 'stdout' | 'stderr' | 'output';
}

export const LOG_MATCH_PROPERTIES = {
  pattern: { type: 'string', minLength: 1, description: 'A regular expression a line must match.' },
  file: { type: 'string', description: 'A log file to read (placeholders allowed); only lines written since the target was last started count.' },
  stream: { enum: ['stdout', 'stderr', 'output'], description: 'An output stream of the target instead (default output: stdout and stderr as they arrived).' },
} as const;

export function validateLog(m: LogMatch | undefined, where: string): string[] {
  if (!m) return [];
  const out: string[] = [];
  if (m.file !== undefined && m.stream !== undefined) out.push(`${where}: give file or stream, not both`);
  try {
    new RegExp(m.pattern);
  } catch {
    out.push(`${where}.pattern: not a valid regular expression: ${m.pattern}`);
  }
  return out;
}

export function describeLog(m: LogMatch): string {
  return `/${m.pattern}/ in ${m.file ?? `the target's ${m.stream ?? 'output'}`}`;
}

/**
 * The lines a target wrote since it was last started, where a log step looks: the part of a log
 * file written since (a file that shrank was rotated or truncated: all of it), or its output.
 */
export function linesSince(session: LifecycleSession, state: TargetState, m: LogMatch): string[] {
  if (m.file !== undefined) {
    const file = session.path(m.file);
    let buf: Buffer;
    try {
      buf = fs.readFileSync(file);
    } catch {
      return [];
    }
    const from = state.offsets.get(file) ?? 0;
    return buf.subarray(buf.length >= from ? from : 0).toString('utf8').split(/\r?\n/);
  }
  const proc = state.current!.process;
  const tail = m.stream === 'stdout' ? proc.stdout : m.stream === 'stderr' ? proc.stderr : proc.output;
  return tail.held().split(/\r?\n/);
}

/** The first line since the target's start that matches, if any. */
export function findLine(session: LifecycleSession, state: TargetState, m: LogMatch): string | undefined {
  const re = new RegExp(m.pattern);
  return linesSince(session, state, m).find((l) => re.test(l));
}
