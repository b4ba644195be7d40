import type { Extractor } from '../model.js';

/** Every extractor, in the order facts are gathered. Adding one is one file and one line here. */
export const EXTRACTORS: Extractor[] = [];
