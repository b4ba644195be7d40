import { defineConfig } from 'cutover';

/**
 * cutover's view of syncd: its task list, its validation matrix (lifecycle, service, file-mode
 * and latency checks against the runnable Node implementation of its control protocol) and the
 * sign-offs the gate requires. Every relative path resolves from this folder.
 */
export default defineConfig({
  name: 'sync-daemon',
  // The control plane, read from the Rust sources (never built): the requests the daemon's
  // dispatch answers and the clients that send them. `cutover drift` fails when one is renamed.
  // The Node twin under node/ is not a Tauri sidecar: the TypeScript groups are empty on purpose.
  manifests: {
    out: 'manifests',
    locations: false,
    types: false,
    rust: { include: ['rust/src/**/*.rs'], controlPlane: {} },
    sidecar: { include: [] },
    frontend: { include: [] },
  },
  tasks: { sources: [{ path: 'RUNBOOK.md' }] },
  matrix: { file: 'cutover.matrix.yaml', outDir: '.cutover/matrix' },
  gate: { signoffs: { file: 'SIGNOFF.md', roles: ['ARCH', 'SEC', 'OPS'] }, dashboardDir: '.cutover/dashboard' },
});
