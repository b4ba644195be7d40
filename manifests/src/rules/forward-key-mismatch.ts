import type { Finding } from '../../../core/src/findings.js';
import { byName } from '../build/index-facts.js';
import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { at, keyList } from './suggest.js';

/**
 * The json! keys a Rust command forwards against the keys the sidecar handler reads. A key the
 * handler's declared params type requires, not sent: error. A key read without a fallback when no
 * type declares it, not sent: warning (the handler may cope). A key sent but never read: warning
 * (the sidecar ignores it).
 */
export const forwardKeyMismatch: Rule = {
  id: 'forward-key-mismatch',
  description: "The keys a Rust command forwards (a json! object, a serde struct) differ from the keys the sidecar handler reads.",
  check({ facts }) {
    const handlers = byName(facts.handlers);
    const out: Finding[] = [];
    for (const f of facts.forwards) {
      if (!f.keys) continue;
      for (const h of handlers.get(f.to) ?? []) {
        if (!h.reads) continue;
        const sent = new Set(f.keys);
        const optional = new Set(f.optionalKeys ?? []);
        const read = new Set(h.reads.map((k) => k.key));
        const absent = h.reads.filter((k) => k.required && !sent.has(k.key));
        const missing = absent.filter((k) => k.requiredBy !== 'read').map((k) => k.key);
        const unsure = absent.filter((k) => k.requiredBy === 'read').map((k) => k.key);
        // A struct field serde may leave out (an Option skipped when None) that the handler relies on: it may be missing.
        const maybe = h.reads.filter((k) => k.required && optional.has(k.key)).map((k) => k.key);
        const unread = f.keys.filter((k) => !read.has(k));
        if (!absent.length && !unread.length && !maybe.length) continue;
        const parts = [
          ...(missing.length ? [`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required but not sent`] : []),
          ...(maybe.length ? [`${maybe.join(', ')} ${maybe.length === 1 ? 'is' : 'are'} read without a fallback but may be sent as null or left out (an Option field)`] : []),
          ...(unsure.length ? [`${unsure.join(', ')} ${unsure.length === 1 ? 'is' : 'are'} read without a fallback but not sent (no declared params type says whether ${unsure.length === 1 ? 'it is' : 'they are'} required)`] : []),
          ...(unread.length ? [`${unread.join(', ')} ${unread.length === 1 ? 'is' : 'are'} sent but never read`] : []),
        ];
        out.push(
          finding('forward-key-mismatch', `${f.from ?? 'Rust'} forwards ${keyList(f.keys)} to '${f.to}', whose handler (${at(h.loc)}) reads ${keyList(h.reads.map((k) => k.key))}: ${parts.join('; ')}`, {
            file: f.loc.file,
            line: f.loc.line,
            column: f.loc.column,
            severity: missing.length ? 'error' : 'warning',
            data: { name: f.to, from: f.from, missing, ...(unsure.length ? { unsure } : {}), ...(maybe.length ? { maybe } : {}), unread },
            hint: 'Make the json! keys match what the handler reads (the sidecar sees the keys exactly as written, no case conversion).',
          }),
        );
      }
    }
    return out;
  },
};
