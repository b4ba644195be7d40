import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { suggestion } from './suggest.js';

export const missingHandler: Rule = {
  id: 'missing-handler',
  description: 'A Rust command forwards to a sidecar command that has no handler.',
  check({ facts }) {
    const handled = new Set(facts.handlers.map((h) => h.name));
    return facts.forwards
      .filter((f) => !handled.has(f.to))
      .map((f) =>
        finding('missing-handler', `${f.from ?? 'Rust'} forwards to sidecar command '${f.to}', which has no handler${suggestion(f.to, handled)}`, {
          file: f.loc.file,
          line: f.loc.line,
          column: f.loc.column,
          data: { name: f.to, from: f.from },
          hint: `Register a handler for '${f.to}' in the sidecar router, or fix the forwarded name.`,
        }),
      );
  },
};
