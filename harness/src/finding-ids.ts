import { defineFindings } from '../../core/src/findings.js';

/** Every finding id the harness reports. Difference kinds follow the replay classification. */
export const findingIds = defineFindings({
  'replay-missing': { severity: 'error', description: 'A response or event the golden trace has is missing on the new path.' },
  'replay-extra': { severity: 'error', description: 'The new path sent a response or event the golden trace does not have.' },
  'replay-changed-value': { severity: 'error', description: 'A value differs from the golden trace after normalization.' },
  'replay-changed-type': { severity: 'error', description: 'A value has another JSON type than in the golden trace.' },
  'replay-reordered': { severity: 'error', description: 'Messages arrived in another order than in the golden trace (within one session).' },
  'replay-duplicated': { severity: 'error', description: 'A message arrived more than once.' },
  'replay-renamed': { severity: 'error', description: 'A field is gone and another one beside it holds the same value: most likely renamed.' },
  'replay-refused': { severity: 'error', description: 'Every request on a connection was refused with the same error where the golden trace has answers: the new path did not accept the client (a token, a handshake).' },
  'contract-violation': { severity: 'error', description: 'A payload breaks its schema in the manifest, even if both paths agree.' },
  'seq-not-increasing': { severity: 'error', description: 'Event seq is not strictly increasing.' },
  'seq-gap': { severity: 'error', description: 'Event seq skips a number.' },
  'catchup-missing': { severity: 'error', description: 'After a disconnect and catch-up, an event is missing.' },
  'catchup-duplicated': { severity: 'error', description: 'After a disconnect and catch-up, an event arrived twice.' },
  'stale-cursor-unhandled': { severity: 'error', description: 'A stale cursor did not get the documented answer, or bootstrap did not restore state.' },
  'scenario-failed': { severity: 'error', description: 'A built-in scenario did not hold.' },
  'scenario-inconclusive': { severity: 'warning', description: 'A built-in scenario had nothing to observe (no event was emitted, the replay buffer held everything), or a golden trace holds no request to send: it neither passed nor failed, and counts as not passed; the finding says what it would have needed.' },
  'trace-obsolete': { severity: 'warning', description: 'A golden trace no scenario uses.' },
  'replay-secret-lost': { severity: 'error', description: 'A golden trace would send [REDACTED]: the secret was redacted when recorded; name it {"$secret": NAME} in the scenario and record again.' },
  'trace-missing': { severity: 'error', description: 'A scenario has no golden trace yet; record it (`cutover record`, or `replay --update new`).' },
  'target-failed': { severity: 'error', description: 'A target would not start, crashed, hung or broke the protocol, so the check could not run.' },
  'record-unstable': { severity: 'warning', description: 'Two recordings of the old path differ in more than field values (a message missing, extra or moved).' },
  'auth-not-enforced': { severity: 'error', description: 'The daemon served a client that presented no token or a wrong one.' },
  'instance-not-exclusive': { severity: 'error', description: 'A second daemon instance on the same data dir kept running instead of being refused.' },
  'malformed-line-unanswered': { severity: 'error', description: 'A malformed line got no error answer.' },
  'daemon-unhealthy': { severity: 'error', description: 'The daemon stopped serving after a bad client (malformed line, vanished client, second instance).' },
  'state-lost-on-restart': { severity: 'error', description: 'After kill -9 and restart, the bootstrap state lacks what was pending before the crash.' },
});

export type HarnessFindingId = keyof typeof findingIds;
