/**
 * `cutover drift --accept <change> --reason "…"`: a breaking change made on purpose. Every
 * breaking change in the drift must be named (one left out is refused, so a second break cannot
 * slip in under the first one's reason); then the manifests are written, as `manifest --update`
 * does, and each accepted change is recorded with the reason in history.json.
 */
import { UsageError } from '../../../core/src/errors.js';
import type { Change } from '../drift/compare.js';
import type { Analysis } from '../project/analyze.js';
import type { DriftResult } from '../project/drift.js';
import { writeManifests, type WriteResult } from '../project/write.js';
import { appendHistory, changeId, type AcceptedChange } from './history.js';

export type AcceptOutcome =
  | { ok: true; accepted: AcceptedChange[]; historyFile: string; written: WriteResult }
  | { ok: false; unaccepted: Change[] };

export async function acceptChanges(a: Analysis, drift: DriftResult, names: readonly string[], reason: string | undefined): Promise<AcceptOutcome> {
  if (!reason?.trim()) throw new UsageError('--accept needs --reason "…": why the contract changes on purpose', { hint: 'For example `cutover drift --accept command:agent_delete_session --reason "sessions are archived now, see #123"`.' });
  const wanted = new Set(names.flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean));
  const ids = [...new Set(drift.changes.map(changeId))];
  for (const n of wanted) {
    if (!ids.includes(n)) {
      throw new UsageError(`--accept ${n}: no change of that name in the drift`, {
        hint: ids.length ? `Changes now: ${ids.join(', ')}.` : 'The sources match the committed manifests: there is nothing to accept.',
      });
    }
  }
  const breaking = drift.changes.filter((c) => c.class === 'breaking');
  const unaccepted = breaking.filter((c) => !wanted.has(changeId(c)));
  if (unaccepted.length) return { ok: false, unaccepted };
  const accepted = drift.changes.filter((c) => wanted.has(changeId(c))).map((c) => ({ entry: changeId(c), class: c.class, change: c.message, reason: reason.trim() }));
  const written = await writeManifests(a);
  const historyFile = appendHistory(a.options.out, accepted);
  return { ok: true, accepted, historyFile, written };
}
