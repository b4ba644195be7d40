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

/** Events on a connection from `from` on (its arrival index). */
export function eventsSince(r: Runner, conn: string, from: number): Received[] {
  return r.client(conn).received.slice(from).filter((x) => x.kind === 'event');
}

/**
 * Makes the target emit events: `count` calls of the emit command (each answered before the
 * next), or one turn of sendMessage streaming `count` events (not awaited: the caller waits for
 * what it needs). The session is made first when createSession is configured.
 */
export async function produceEvents(r: Runner, conn: string, b: Builtins, session: string | undefined, count: number): Promise<void> {
  if (b.emit) {
    for (let n = 1; n <= count; n++) await callOk(r, conn, b.emit, { session: session ?? '', n });
    return;
  }
  if (b.sendMessage) {
    await callOk(r, conn, b.sendMessage, { session: session ?? '', content: streamContent(b, count) });
    return;
  }
  throw new TransportError('no command to make the target emit events', { hint: 'Configure harness.builtins.emit (or sendMessage).' });
}

/** Whether events are produced by a streamed turn (which ends with the done event), not by emit calls. */
export const streams = (b: Builtins) => !b.emit && b.sendMessage !== undefined;

/** What makes the target emit events, in words, for an inconclusive check's "needs". */
export const EMIT_HINT_TEXT = 'harness.builtins.emit: a command that makes the target emit an event without outside services (renaming a session), or harness.builtins.sendMessage for a target that streams a turn';

/**
 * Lets what earlier commands caused arrive (a session's created event comes after its answer), then
 * marks where the connection's arrivals stand: what comes after the mark is what comes next.
 */
export async function quiet(r: Runner, conn: string): Promise<number> {
  const c = r.client(conn);
  await c.settle(r.timeouts.settleMs, r.timeouts.waitMs);
  return c.received.length;
}
