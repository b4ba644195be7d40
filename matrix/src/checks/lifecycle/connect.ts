import fs from 'node:fs';
import { parseEndpoint, tryConnect } from '../../../../harness/src/runtime/endpoint.js';
import { ProfileClient, type Answer } from '../support/profile-client.js';
import type { LifecycleSession } from './session.js';
import { StepFailed } from './types.js';

/** A request as steps write it: a command, its params, and where to send it (default: the check's endpoint and profile). */
export interface RequestValue {
  command: string;
  params?: Record<string, unknown>;
  endpoint?: string;
  profile?: string;
}

export const REQUEST_PROPERTIES = {
  command: { type: 'string', minLength: 1, description: 'The command (control socket: cmd; JSON-RPC: method).' },
  params: { type: 'object', description: 'Its parameters (control socket: the fields beside cmd); placeholders allowed, e.g. {{created.result.id}}.' },
  endpoint: { type: 'string', description: "Where to connect (default: the check's endpoint)." },
  profile: { type: 'string', description: "The protocol profile (default: the check's profile, else cowork-ndjson)." },
} as const;

/** The endpoint as a string the harness parses: Unix paths resolve from the matrix file. */
export function endpointOf(session: LifecycleSession, raw: string | undefined): string {
  const value = raw ?? session.spec.endpoint;
  if (value === undefined) throw new StepFailed('no endpoint: give the check an endpoint (or the step one)', 'error');
  const e = session.expand(value);
  return /^(tcp:\/\/|\\\\)/.test(e) ? e : session.ctx.resolve(e);
}

/** Whether an endpoint accepts a connection now. */
export async function accepts(endpoint: string): Promise<{ ok: true; value: true } | { ok: false; seen: string }> {
  const r = await tryConnect(parseEndpoint(endpoint, 'endpoint'));
  if ('socket' in r) {
    r.socket.destroy();
    return { ok: true, value: true };
  }
  return { ok: false, seen: r.error.code ?? r.error.message };
}

/**
 * Sends one request on a connection of its own (as a CLI client does), in the profile, with the
 * token read now (a daemon makes a new one at each start); resolves with the answer.
 */
export async function ask(session: LifecycleSession, req: RequestValue, timeoutMs: number): Promise<Answer> {
  const endpoint = endpointOf(session, req.endpoint);
  const profile = req.profile ?? session.spec.profile ?? 'cowork-ndjson';
  const extra: Record<string, unknown> = {};
  if (session.spec.token) {
    const file = session.path(session.spec.token.file);
    let token: string;
    try {
      token = fs.readFileSync(file, 'utf8').trim();
    } catch (e) {
      throw new StepFailed(`cannot read the token file ${session.expand(session.spec.token.file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    session.ctx.redactor.addSecret(token);
    extra[session.spec.token.field ?? 'authToken'] = token;
  }
  const started = Date.now();
  let client: ProfileClient;
  try {
    client = await ProfileClient.connect(endpoint, profile, timeoutMs);
  } catch (e) {
    throw new StepFailed((e as Error).message);
  }
  try {
    const params = req.params ? session.expandJson(req.params) : undefined;
    return await client.request(req.command, params, Math.max(1, timeoutMs - (Date.now() - started)), extra);
  } catch (e) {
    throw new StepFailed(session.ctx.redactor.text((e as Error).message));
  } finally {
    client.close();
  }
}

/** An answer in one line for messages, secrets out. */
export function shown(session: LifecycleSession, value: unknown, max = 300): string {
  const text = session.ctx.redactor.text(JSON.stringify(session.ctx.redactor.value(value)) ?? 'undefined');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
