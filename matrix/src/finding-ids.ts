import { defineFindings } from '../../core/src/findings.js';

/** Every finding id the matrix pillar (matrix runner, gate) reports. */
export const findingIds = defineFindings({
  // matrix
  'matrix-check-failed': { severity: 'error', description: 'A matrix check ran and failed.' },
  'matrix-check-error': { severity: 'error', description: 'A matrix check could not run (target or environment failed).' },
  'matrix-too-few-samples': { severity: 'warning', description: 'A latency budget had too few samples for its percentile to mean much.' },
  'file-mode-too-open': { severity: 'error', description: 'A socket or token file is readable by others (must be 0600).' },
  'service-definition-invalid': { severity: 'error', description: 'A launchd plist or systemd unit lacks a key that matters.' },
  // gate
  'gate-task-open': { severity: 'error', description: 'A task is not started, in progress, in review or blocked.' },
  'gate-evidence-invalid': { severity: 'error', description: 'A done task lacks valid evidence.' },
  'gate-report-missing': { severity: 'error', description: 'No matrix report to read.' },
  'gate-report-stale': { severity: 'error', description: 'The matrix report is from another commit.' },
  'gate-cell-failed': { severity: 'error', description: 'A required matrix cell failed.' },
  'gate-cell-missing': { severity: 'error', description: 'A required matrix cell has no result.' },
  'gate-cell-inconclusive': { severity: 'error', description: 'A required matrix cell ran but had nothing to observe (inconclusive): it proves nothing, so it blocks like a failure.' },
  'gate-signoff-missing': { severity: 'error', description: 'A required sign-off is missing.' },
  'gate-contract-findings': { severity: 'error', description: 'Drift or check found errors in the command/event contract.' },
  'gate-input-unreadable': { severity: 'error', description: 'A gate input could not be read or parsed: fail closed.' },
  'gate-internal-error': { severity: 'error', description: 'The gate could not evaluate a rule: fail closed.' },
});
