import { defineFindings } from '../../core/src/findings.js';

/** Every finding id the evidence linter reports. */
export const findingIds = defineFindings({
  'evidence-missing': { severity: 'error', description: 'A done task has no evidence file.' },
  'evidence-section-missing': { severity: 'error', description: 'A required evidence section is absent.' },
  'evidence-section-empty': { severity: 'error', description: 'A required evidence section is empty or only placeholder text (TODO/TBD).' },
  'evidence-id-mismatch': { severity: 'error', description: 'The task id inside the evidence file differs from its file name.' },
  'evidence-path-missing': { severity: 'warning', description: 'A path listed under Files Changed does not exist.' },
  'evidence-id-unsafe': { severity: 'error', description: 'A task id that would escape the evidence folder.' },
  'evidence-unreadable': { severity: 'error', description: 'An evidence file could not be read: not a regular file (a folder, a FIFO, a device), over the size limit, or unreadable.' },
  'evidence-outside-repository': { severity: 'error', description: 'An evidence file resolves outside the repository: an absolute ledger path, a path that climbs out with ../, or a symlink that leads out.' },
  'evidence-path-outside': { severity: 'warning', description: 'A path listed under Files Changed is outside the repository (strip another machine\'s prefix with evidence.stripPrefixes).' },
  'evidence-sections-dropped': { severity: 'warning', description: 'evidence.sections replaces the default seven sections and leaves some out.' },
});
