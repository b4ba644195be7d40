import type { IncrementalExtractor } from '../extract/incremental.js';

/** Sidecar handlers in a map object: const handlers = { name: fn }, also new Map([...]) and handlers.name = fn. */
export const tsSidecarHandlerMap: IncrementalExtractor = {
  id: 'ts-sidecar-handler-map',
  description: 'Sidecar handlers in a map object: const handlers = { name: fn }, also new Map([...]) and handlers.name = fn.',
  language: 'typescript',
  group: 'sidecar',
  incremental: true,
  usesSchemas: true,
  async extract(ctx) {
    // The TypeScript compiler loads only when something needs parsing: a fully cached run never pays for it.
    const { extractSidecar } = await import('../ts/extract.js');
    return extractSidecar(ctx, 'map');
  },
};
