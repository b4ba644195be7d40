import type { IncrementalExtractor } from '../extract/incremental.js';

/** Events the sidecar emits: emit('type', …, payload) and configured emitter helpers, with payload schemas. */
export const tsSidecarEmit: IncrementalExtractor = {
  id: 'ts-sidecar-emit',
  description: `Events the sidecar emits: emit('type', …, payload) and configured emitter helpers, with payload schemas.`,
  language: 'typescript',
  group: 'sidecar',
  incremental: true,
  usesSchemas: true,
  async extract(ctx) {
    // The TypeScript compiler loads only when something needs parsing: a fully cached run never pays for it.
    const { extractSidecar } = await import('../ts/extract.js');
    return extractSidecar(ctx, 'emit');
  },
};
