import { defineConfig } from 'cutover';

/**
 * cutover's view of syncd: its task list, its validation matrix (lifecycle, service, file-mode
 * and latency checks against the runnable Node implementation of its control protocol) and the
 * sign-offs the gate requires. Every relative path resolves from this folder.
 */
export default defineConfig({
  name: 'sync-daemon',
  tasks: { sources: [{ path: 'RUNBOOK.md' }] },
  matrix: { file: 'cutover.matrix.yaml', outDir: '.cutover/matrix' },
  gate: { signoffs: { file: 'SIGNOFF.md', roles: ['ARCH', 'SEC', 'OPS'] }, dashboardDir: '.cutover/dashboard' },
});
