import fs from 'node:fs';
import { toPosixRelative } from '../../../../core/src/paths.js';
import { findingIds } from '../../finding-ids.js';
import { currentSignoff } from '../signoff-file.js';
import { reason } from '../reason.js';
import type { GateRule, Reason } from '../types.js';

const FORMAT_HINT = 'Add a row `| ROLE | Name | YYYY-MM-DD | approved |` to the table with columns Role, Name, Date, Decision.';

/** Each required role (ARCH, SEC, QA, OPS by default) has an approved sign-off. */
export const signoffsRule: GateRule = {
  id: 'signoffs',
  category: 'signoffs',
  description: 'Every required role has signed off with decision "approved" in the sign-off file.',
  async run({ loaded, settings, inputs }) {
    const root = loaded.dir;
    const roles = settings.roles;
    if (roles.length === 0) return { reasons: [], skipped: 'gate.signoffs.roles is empty: no sign-off required' };
    const rel = toPosixRelative(root, settings.signoffFile);
    const r = (id: string, message: string, line: number | undefined, hint: string, data?: Record<string, unknown>) =>
      reason(this.id, this.category, id, message, { root, file: settings.signoffFile, ...(line ? { line } : {}), hint, ...(data ? { data } : {}) });
    if (!fs.existsSync(settings.signoffFile)) {
      // One project-wide reason, not one per role: the file is what is missing.
      return {
        reasons: [r(findingIds['gate-signoff-missing'].id, `${rel} does not exist: no sign-off from ${roles.join(', ')}`, undefined, `Create ${rel} with a table Role | Name | Date | Decision and one approved row per role.`, { roles })],
        note: `${rel} does not exist`,
      };
    }
    const file = await inputs.signoffs();
    const reasons: Reason[] = [];
    if (!file.hasTable) {
      reasons.push(r(findingIds['gate-input-unreadable'].id, `${rel} has no table with the columns Role, Name, Date and Decision`, 1, FORMAT_HINT));
    }
    for (const p of file.problems) {
      if (p.kind === 'future') reasons.push(r(findingIds['gate-signoff-future'].id, p.message, p.line, 'Write the date the decision was made; a sign-off cannot be dated ahead.'));
      else reasons.push({ ...r(findingIds['gate-input-unreadable'].id, p.message, p.line, FORMAT_HINT), category: 'inputs' });
    }
    let approved = 0;
    for (const role of roles) {
      const s = currentSignoff(file, role);
      if (!s) reasons.push(r(findingIds['gate-signoff-missing'].id, `no sign-off from ${role}`, undefined, `${role} reviews the release and adds an approved row to ${rel}.`, { role }));
      else if (s.decision !== 'approved') {
        reasons.push(r(findingIds['gate-signoff-missing'].id, `${role} sign-off is ${s.decision} (${s.name}, ${s.date})`, s.line, `Resolve ${role}'s concerns; the release needs a later approved row from ${role}.`, { role, decision: s.decision }));
      } else approved++;
    }
    return { reasons, note: `${approved} of ${roles.length} sign-off(s) approved (${roles.join(', ')})` };
  },
};
