import type { IncrementalExtractor } from '../extract/incremental.js';

/** Frontend Tauri emit/emitTo calls (event module, windows, webviews): the frontend produces those events too. */
export const tsFrontendEmit: IncrementalExtractor = {
  id: 'ts-frontend-emit',
  description: 'Frontend Tauri emit/emitTo calls (event module, windows, webviews): the frontend produces those events too.',
  language: 'typescript',
  group: 'frontend',
  incremental: true,
  usesSchemas: false,
  async extract(ctx) {
    // The TypeScript compiler loads only when something needs parsing: a fully cached run never pays for it.
    const { extractFrontend } = await import('../ts/extract.js');
    return extractFrontend(ctx, 'emit');
  },
};
