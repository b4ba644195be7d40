import { defineFindings } from '../../core/src/findings.js';

/** Every finding id this pillar can report, with its default severity. */
export const findingIds = defineFindings({});
