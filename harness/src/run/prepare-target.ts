import { CancelledError, TransportError } from '../../../core/src/errors.js';
import { clip } from '../../../core/src/redact/text.js';
import { sleep } from '../../../core/src/wait.js';
import type { Client, Received } from '../client.js';
import { getPath } from '../compare/json-path.js';
import type { JsonObject, RequestId } from '../profiles/profile.js';
import { expandParams, type ReadySpec } from '../settings.js';
import type { Transport } from '../transports/transport.js';
import { matchesSubset } from './subset.js';

/** What preparing a connection needs from the runner: ids it must not record, and secrets put in as requests leave. */
export interface PrepareEnv {
  transport: Transport;
  /** Answers to these ids are not part of the exchange. */
  unrecorded: Set<RequestId>;
  withSecrets(params: JsonObject, where: string): JsonObject;
  responseMs: number;
}

/**
 * Polls the ready command until its answer matches `until` (every dotted path has its value), for
 * targets that accept connections before they can serve or print nothing when they can. Running
 * out of time says what was awaited and what the last answer was.
 */
export async function pollReadyCommand(client: Client, gen: number, env: PrepareEnv): Promise<void> {
  const { ready, role, label } = env.transport.settings;
  const spec = ready.command!;
  const where = `harness.${role}.ready`;
  const params = spec.params ? env.withSecrets(expandParams(spec.params, env.transport.vars(), `${where}.params`), `${where}.params`) : undefined;
  const wanted = describeUntil(spec);
  const deadline = Date.now() + ready.timeoutMs;
  let last = 'no answer yet';
  for (let n = 1; ; n++) {
    const id = `ready-${gen}-${n}`;
    env.unrecorded.add(id);
    try {
      const answer = await client.request({ id, command: spec.command, ...(params ? { params } : {}) }, Math.max(1, Math.min(env.responseMs, deadline - Date.now())));
      if (answers(answer, spec)) return;
      last = clip(JSON.stringify(answer.msg), 300);
    } catch (e) {
      if (e instanceof CancelledError || !(e instanceof TransportError) || client.closed || env.transport.failure()) throw e;
      last = `no answer (${clip(e.message, 200)})`;
    }
    if (Date.now() + spec.intervalMs >= deadline) break;
    await sleep(spec.intervalMs);
  }
  throw new TransportError(`timed out after ${ready.timeoutMs} ms waiting for ${label} to answer ${spec.command} with ${wanted} (last answer: ${last})`, {
    stderrTail: env.transport.stderrTail(),
    hint: `Check ${where}.until against what the target answers once it can serve; raise ${where}.timeoutMs if it is only slow.`,
  });
}

function answers(r: Received, spec: NonNullable<ReadySpec['command']>): boolean {
  if (!r.ok) return false;
  return Object.entries(spec.until).every(([p, v]) => matchesSubset(getPath(r.msg, p), v));
}

function describeUntil(spec: NonNullable<ReadySpec['command']>): string {
  const parts = Object.entries(spec.until).map(([p, v]) => `${p} = ${JSON.stringify(v)}`);
  return parts.length ? parts.join(' and ') : 'a successful answer';
}

/**
 * Sends the target's setup steps (an initialize the host app sends first), placeholders expanded.
 * A step refused, or not answered, fails the run: nothing recorded on an uninitialised target.
 */
export async function runSetup(client: Client, gen: number, env: PrepareEnv): Promise<void> {
  const { setup, role, label } = env.transport.settings;
  for (const [i, s] of setup.entries()) {
    const where = `harness.${role}.setup[${i}]`;
    const id = `setup-${gen}-${i + 1}`;
    env.unrecorded.add(id);
    const params = s.params ? env.withSecrets(expandParams(s.params, env.transport.vars(), `${where}.params`), where) : undefined;
    let answer: Received;
    try {
      answer = await client.request({ id, command: s.command, ...(params ? { params } : {}) });
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      throw new TransportError(`${label}: setup step ${s.command} (${where}) failed: ${e.message}`, { ...(e.stderrTail ? { stderrTail: e.stderrTail } : {}), ...(e.hint ? { hint: e.hint } : {}) });
    }
    if (!answer.ok) {
      throw new TransportError(`${label}: setup step ${s.command} (${where}) was refused: ${clip(JSON.stringify(answer.msg), 300)}`, {
        stderrTail: env.transport.stderrTail(),
        hint: `Nothing is recorded or compared on a target its setup did not prepare; check ${where} (command and params) against what the app sends first.`,
      });
    }
  }
}
