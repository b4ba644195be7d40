import { defineConfig } from 'cutover';

/**
 * cutover's view of the Cowork example: where its contract lives (manifests), how to start the
 * old path and the new path (harness), and what must be true before a release (matrix, gate).
 * Every relative path resolves from this folder.
 */
export default defineConfig({
  name: 'cowork',
});
