import type { Finding } from '../../../core/src/findings.js';
import { byName } from '../build/index-facts.js';
import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { at, keyList } from './suggest.js';

/**
 * The keys a control-socket request sends against what the daemon takes for that command: a
 * field its request type requires (a variant's non-Option field without a default), not sent, fails
 * to deserialize (error); a key sent that the command neither declares nor reads is ignored by
 * serde (warning: often a misspelt field).
 */
export const controlKeyMismatch: Rule = {
  id: 'control-key-mismatch',
  description: "A control-socket request's keys differ from what the daemon takes for that command.",
  check({ facts }) {
    const handlers = byName(facts.controlHandlers);
    const out: Finding[] = [];
    for (const r of facts.controlRequests) {
      if (!r.keys) continue;
      for (const h of handlers.get(r.name) ?? []) {
        if (!h.reads) continue;
        const sent = new Set(r.keys);
        const taken = new Set(h.reads.map((k) => k.key));
        const missing = h.reads.filter((k) => k.required && !sent.has(k.key)).map((k) => k.key);
        const unread = r.keys.filter((k) => !taken.has(k));
        if (!missing.length && !unread.length) continue;
        const parts = [
          ...(missing.length ? [`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required but not sent`] : []),
          ...(unread.length ? [`${unread.join(', ')} ${unread.length === 1 ? 'is' : 'are'} sent but never read`] : []),
        ];
        out.push(
          finding('control-key-mismatch', `${r.from ? `fn ${r.from} sends` : 'a client sends'} '${r.name}' with ${keyList(r.keys)}, and the daemon (${at(h.loc)}, ${h.how}) takes ${keyList(h.reads.map((k) => k.key))}: ${parts.join('; ')}`, {
            file: r.loc.file,
            line: r.loc.line,
            column: r.loc.column,
            severity: missing.length ? 'error' : 'warning',
            data: { name: r.name, missing, unread },
            hint: 'Send exactly the keys the daemon reads for the command (as serde names them: rename and rename_all apply).',
          }),
        );
      }
    }
    return out;
  },
};
