import type { Profile } from '../profiles/profile.js';
import type { BodyLine } from '../trace/types.js';

/**
 * What the golden trace answered to each request that binds its answer (`as`): the recorded
 * response on the same connection, by request id, or the next one for a profile that answers in
 * order. A replay reads it to follow a field the new path renamed (see followRenames). One pass.
 */
export function goldenAnswers(lines: readonly BodyLine[], profile: Profile): Map<string, unknown> {
  const out = new Map<string, unknown>();
  // Requests still waiting for their answer: by connection and id, or in order per connection.
  const byId = new Map<string, string | undefined>();
  const inOrder = new Map<string, (string | undefined)[]>();
  for (const l of lines) {
    if (l.type === 'request') {
      if (profile.correlation === 'order') (inOrder.get(l.conn) ?? inOrder.set(l.conn, []).get(l.conn)!).push(l.as);
      else if (l.id !== undefined) byId.set(`${l.conn}\u0000${String(l.id)}`, l.as);
      continue;
    }
    if (l.type !== 'response') continue;
    const c = profile.classify(l.message);
    if (c.kind !== 'response') continue;
    let as: string | undefined;
    if (profile.correlation === 'order') as = inOrder.get(l.conn)?.shift();
    else {
      const key = `${l.conn}\u0000${String(c.id)}`;
      as = byId.get(key);
      byId.delete(key);
    }
    if (as !== undefined) out.set(as, l.message);
  }
  return out;
}
