import type { Difference } from './compare.js';
import type { PreparedConn } from './prepare.js';

/**
 * A connection on which every answer of the new path is the same refusal (`unauthorized`),
 * where the golden trace has answers: the new path did not accept the client at all. That is one
 * diagnosis, not a changed field per answer and a missing event per event.
 */
export function refusal(conn: string, e: PreparedConn, a: PreparedConn): Difference | undefined {
  const answered = a.requests.map((r) => r.responses[0]).filter((r) => r !== undefined);
  if (answered.length < 2 || answered.some((r) => r.ok)) return undefined;
  const errors = new Set(answered.map((r) => r.error));
  if (errors.size !== 1) return undefined;
  const golden = e.requests.map((r) => r.responses[0]).filter((r) => r !== undefined);
  const served = golden.filter((r) => r.ok).length;
  if (served === 0) return undefined;
  const error = JSON.parse([...errors][0] ?? 'null') as unknown;
  const events = [...e.groups.values()].reduce((n, g) => n + g.length, 0);
  const heard = [...a.groups.values()].reduce((n, g) => n + g.length, 0);
  const first = e.requests[0]?.line;
  return {
    kind: 'refused',
    subject: `connection ${conn}`,
    actual: error,
    ...(first === undefined ? {} : { line: first }),
    count: answered.length,
    hint:
      `All ${answered.length} requests were answered with this error, where the golden trace has ${served} served` +
      `${events ? `, and ${heard ? `${heard} of its ${events}` : `none of its ${events}`} event(s) arrived` : ''}. ` +
      'The new path did not accept the client: check the token (harness.new.token: the file it is read from, the field it is sent in) or a handshake only the new path needs (harness.new.setup).',
  };
}
