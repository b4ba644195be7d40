import type { IncrementalExtractor } from '../extract/incremental.js';

/** Sidecar handlers registered by a call: registerHandler('name', fn), with the params keys they read and their schemas. */
export const tsSidecarRegistrar: IncrementalExtractor = {
  id: 'ts-sidecar-registrar',
  description: `Sidecar handlers registered by a call: registerHandler('name', fn), with the params keys they read and their schemas.`,
  language: 'typescript',
  group: 'sidecar',
  incremental: true,
  usesSchemas: true,
  async extract(ctx) {
    // The TypeScript compiler loads only when something needs parsing: a fully cached run never pays for it.
    const { extractSidecar } = await import('../ts/extract.js');
    return extractSidecar(ctx, 'registrar');
  },
};
