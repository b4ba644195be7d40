import { defineConfig } from 'cutover';

/**
 * cutover's view of the notes service: its task list, its validation matrix (lifecycle and
 * service checks only) and the sign-offs the gate requires. Every relative path resolves from
 * this folder.
 */
export default defineConfig({
  name: 'notes-service',
  tasks: { sources: [{ path: 'RUNBOOK.md' }] },
  matrix: { file: 'cutover.matrix.yaml', outDir: '.cutover/matrix' },
  gate: { signoffs: { file: 'SIGNOFF.md', roles: ['ARCH', 'QA', 'OPS'] }, dashboardDir: '.cutover/dashboard' },
});
