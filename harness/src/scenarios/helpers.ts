import { TransportError } from '../../../core/src/errors.js';
import type { Received } from '../client.js';
import { getPath } from '../compare/json-path.js';
import type { JsonObject } from '../profiles/profile.js';
import type { Runner } from '../run/runner.js';
import { resolveTemplate } from '../scenario/template.js';
import type { CommandSpec } from '../settings.js';
import type { Builtins } from './builtin.js';
import { clip } from '../../../core/src/redact/text.js';

/** Sends a configured command; a refusal (success: false) is returned, not thrown. */
export async function call(r: Runner, conn: string, spec: CommandSpec, vars: Record<string, unknown> = {}): Promise<Received> {
  const params = spec.params ? resolveTemplate(spec.params, new Map(Object.entries(vars))) : undefined;
  return r.client(conn).request({ command: spec.command, ...(params ? { params: r.withSecrets(params, 'harness.builtins') } : {}) });
}

/** Sends and insists on success: a refusal here means the scenario cannot go on. */
export async function callOk(r: Runner, conn: string, spec: CommandSpec, vars: Record<string, unknown> = {}): Promise<Received> {
  const res = await call(r, conn, spec, vars);
  if (!res.ok) {
    throw new TransportError(`${r.transport.settings.label} refused ${spec.command}: ${clip(JSON.stringify(res.msg), 300)}`, {
      hint: 'Check the command and params under harness.builtins.',
    });
  }
  return res;
}

export async function createSession(r: Runner, conn: string, b: Builtins): Promise<string> {
  const res = await callOk(r, conn, b.createSession!);
  const id = getPath(res.msg, b.createSession!.path);
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new TransportError(`the response to ${b.createSession!.command} has no id at ${b.createSession!.path}: ${clip(JSON.stringify(res.msg), 300)}`, {
      hint: 'Set harness.builtins.createSession.path to where the session id is.',
    });
  }
  return String(id);
}

export function streamContent(b: Builtins, n: number): string {
  return b.streamContent.replace(/\{n\}/g, String(n));
}

export function seqOf(r: Runner, msg: unknown): number | undefined {
  const v = getPath(msg, r.transport.settings.profile.paths.eventSeq);
  return typeof v === 'number' ? v : undefined;
}

/** Runs a wait that may legitimately fail: a timeout becomes `undefined`, other errors pass. */
export async function attempt<T>(p: Promise<T>): Promise<{ value: T } | { error: TransportError }> {
  try {
    return { value: await p };
  } catch (e) {
    if (e instanceof TransportError) return { error: e };
    throw e;
  }
}

export function ofType(type: string) {
  return (x: Received) => x.kind === 'event' && x.type === type;
}

export const asParams = (v: Record<string, unknown>) => v as JsonObject;
