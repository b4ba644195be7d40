import type { Profile } from '../profiles/profile.js';
import type { BodyLine } from '../trace/types.js';

/**
 * What the golden trace answered to each request that binds its answer (`as`): the recorded
 * response on the same connection, by request id, or the next one for a profile that answers in
 * order. A replay reads it to follow a field the new path renamed (see followRenames).
 */
export function goldenAnswers(lines: readonly BodyLine[], profile: Profile): Map<string, unknown> {
  const out = new Map<string, unknown>();
  lines.forEach((l, i) => {
    if (l.type !== 'request' || !l.as) return;
    for (const r of lines.slice(i + 1)) {
      if (r.type !== 'response' || r.conn !== l.conn) continue;
      const c = profile.classify(r.message);
      if (c.kind !== 'response') continue;
      if (profile.correlation === 'order' || c.id === l.id) {
        out.set(l.as, r.message);
        return;
      }
    }
  });
  return out;
}
