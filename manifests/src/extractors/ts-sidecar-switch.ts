import type { IncrementalExtractor } from '../extract/incremental.js';

/** Sidecar handlers in a router switch: switch (req.command) { case 'name': … }, with the params keys each case reads. */
export const tsSidecarSwitch: IncrementalExtractor = {
  id: 'ts-sidecar-switch',
  description: `Sidecar handlers in a router switch: switch (req.command) { case 'name': … }, with the params keys each case reads.`,
  language: 'typescript',
  group: 'sidecar',
  incremental: true,
  usesSchemas: true,
  async extract(ctx) {
    // The TypeScript compiler loads only when something needs parsing: a fully cached run never pays for it.
    const { extractSidecar } = await import('../ts/extract.js');
    return extractSidecar(ctx, 'switch');
  },
};
