import { defineFindings } from '../../core/src/findings.js';

/** Every finding id the evidence linter reports. */
export const findingIds = defineFindings({
  'evidence-missing': { severity: 'error', description: 'A done task has no evidence file.' },
  'evidence-section-missing': { severity: 'error', description: 'A required evidence section is absent.' },
  'evidence-section-empty': { severity: 'error', description: 'A required evidence section is empty or only placeholder text (TODO/TBD).' },
  'evidence-id-mismatch': { severity: 'error', description: 'The task id inside the evidence file differs from its file name.' },
  'evidence-path-missing': { severity: 'warning', description: 'A path listed under Files Changed does not exist.' },
  'evidence-id-unsafe': { severity: 'error', description: 'A task id that would escape the evidence folder.' },
  'evidence-unreadable': { severity: 'error', description: 'An evidence file could not be read.' },
});
