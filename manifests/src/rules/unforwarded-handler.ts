import { finding } from '../finding.js';
import type { Rule } from './rule.js';

export const unforwardedHandler: Rule = {
  id: 'unforwarded-handler',
  description: 'A sidecar handler that nothing forwards to.',
  check({ facts }) {
    const forwarded = new Set(facts.forwards.map((f) => f.to));
    const seen = new Set<string>();
    return facts.handlers
      .filter((h) => !forwarded.has(h.name) && !seen.has(h.name) && (seen.add(h.name), true))
      .map((h) =>
        finding('unforwarded-handler', `sidecar handler '${h.name}' is never forwarded to by any Rust command`, {
          file: h.loc.file,
          line: h.loc.line,
          column: h.loc.column,
          data: { name: h.name },
          hint: 'Forward to it from a Tauri command, remove it, or accept it in manifests.check.ignore with a reason (a daemon-only command).',
        }),
      );
  },
};
