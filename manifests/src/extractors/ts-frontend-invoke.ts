import type { IncrementalExtractor } from '../extract/incremental.js';

/** Frontend Tauri invoke calls, with argument keys and invoke<T> result types; through consts, enums, loops and wrappers. */
export const tsFrontendInvoke: IncrementalExtractor = {
  id: 'ts-frontend-invoke',
  description: 'Frontend Tauri invoke calls, with argument keys and invoke<T> result types; through consts, enums, loops and wrappers.',
  language: 'typescript',
  group: 'frontend',
  incremental: true,
  usesSchemas: false,
  async extract(ctx) {
    // The TypeScript compiler loads only when something needs parsing: a fully cached run never pays for it.
    const { extractFrontend } = await import('../ts/extract.js');
    return extractFrontend(ctx, 'invoke');
  },
};
