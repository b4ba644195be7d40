import type { IncrementalExtractor } from '../extract/incremental.js';

/** Frontend Tauri listen/once calls; names through consts, arrays iterated in loops, template prefixes and wrappers. */
export const tsFrontendListen: IncrementalExtractor = {
  id: 'ts-frontend-listen',
  description: 'Frontend Tauri listen/once calls; names through consts, arrays iterated in loops, template prefixes and wrappers.',
  language: 'typescript',
  group: 'frontend',
  incremental: true,
  usesSchemas: false,
  async extract(ctx) {
    // The TypeScript compiler loads only when something needs parsing: a fully cached run never pays for it.
    const { extractFrontend } = await import('../ts/extract.js');
    return extractFrontend(ctx, 'listen');
  },
};
