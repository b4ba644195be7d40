import { defineFindings } from '../../core/src/findings.js';

/** Every finding id the matrix pillar (matrix runner, gate) reports. */
export const findingIds = defineFindings({
  // matrix
  'matrix-check-failed': { severity: 'error', description: 'A matrix check ran and failed.' },
  'matrix-check-error': { severity: 'error', description: 'A matrix check could not run (target or environment failed).' },
  'matrix-too-few-samples': { severity: 'warning', description: 'A latency budget had too few samples for its percentile to mean much.' },
  'file-mode-too-open': { severity: 'error', description: 'A socket or token file is readable by others (must be 0600).' },
  'service-definition-invalid': { severity: 'error', description: 'A launchd plist or systemd unit lacks a key that matters.' },
  'service-placeholder-left': { severity: 'error', description: 'A rendered service definition still holds a template placeholder (__NAME__, {{name}}, ${name}, @NAME@).' },
  'service-program-missing': { severity: 'warning', description: 'The program a generated service definition starts does not exist or is not executable on this machine.' },
  'service-secret-exposed': { severity: 'error', description: 'A service definition readable by every user holds a secret (a token, a key, a password).' },
  'service-validator-reported': { severity: 'warning', description: 'plutil -lint (an error) or systemd-analyze verify (a warning) found a problem in a service definition.' },
  'lifecycle-step-failed': { severity: 'error', description: 'A lifecycle step did not hold (its message names the step and shows the target\'s last output).' },
  'lifecycle-target-died': { severity: 'error', description: 'A target ended while no lifecycle step expected it to (a crash, or an exit nobody asked for).' },
  // gate
  'gate-task-open': { severity: 'error', description: 'A task is not started, in progress, in review or blocked.' },
  'gate-evidence-invalid': { severity: 'error', description: 'A done task lacks valid evidence.' },
  'gate-report-missing': { severity: 'error', description: 'No matrix report to read.' },
  'gate-report-stale': { severity: 'error', description: 'The matrix report ran on other versions of the files its checks read (sources, matrix file, configs), or another matrix file.' },
  'gate-cell-failed': { severity: 'error', description: 'A required matrix cell failed.' },
  'gate-cell-missing': { severity: 'error', description: 'A required matrix cell has no result.' },
  'gate-cell-inconclusive': { severity: 'error', description: 'A required matrix cell ran but had nothing to observe (inconclusive): it proves nothing, so it blocks like a failure.' },
  'gate-report-tampered': { severity: 'error', description: 'The report contradicts itself or the evidence the same run wrote (a cell says passed where its runs or its evidence say failed), or a stored output no longer has the sha256 its evidence records.' },
  'gate-report-duplicate-cell': { severity: 'error', description: 'The report holds a cell more than once; the worse result counts.' },
  'gate-row-unknown-task': { severity: 'error', description: 'A matrix row names a task id no task list has.' },
  'gate-matrix-empty': { severity: 'error', description: 'No required matrix cell is in scope (every one is not applicable, or on an operating system outside --os): a matrix that runs nothing proves nothing.' },
  'gate-task-not-run': { severity: 'error', description: 'A done task the matrix claims to cover has no cell that ran in scope.' },
  'gate-signoff-missing': { severity: 'error', description: 'A required sign-off is missing.' },
  'gate-signoff-future': { severity: 'error', description: 'A sign-off row is dated in the future; it is refused, so it cannot outrank a real later decision.' },
  'gate-contract-findings': { severity: 'error', description: 'Drift or check found errors in the command/event contract.' },
  'gate-contract-baselined': { severity: 'error', description: 'Check errors are accepted only by the baseline: fine for pull requests, not for a release (fix them, or accept each with a reason in manifests.check.ignore).' },
  'gate-section-missing': { severity: 'error', description: 'A section the release requires (matrix, contract) is not configured, and gate.require does not opt out of it with a reason.' },
  'gate-input-unreadable': { severity: 'error', description: 'A gate input could not be read or parsed: fail closed.' },
  'gate-internal-error': { severity: 'error', description: 'The gate could not evaluate a rule: fail closed.' },
});
