export { verbs } from './verbs.js';
export { findingIds } from './finding-ids.js';
export { lintEvidence, lintEvidenceFolder } from './lint.js';
export { lintEvidenceText } from './lint-file.js';
export { scaffoldEvidence, scaffoldText, type ScaffoldOptions } from './scaffold.js';
export { writeRunEvidence, type RunEvidenceInput, type RunEvidenceOptions, type RunRecord } from './run-evidence.js';
export { evidenceSettings, DEFAULT_SECTIONS, DEFAULT_PLACEHOLDERS, DEFAULT_EVIDENCE_DIR, type EvidenceSettings, type ResolvedSection } from './config.js';
export { evidencePath } from './safe-id.js';
export { startMarker, endMarker } from './generated-blocks.js';
