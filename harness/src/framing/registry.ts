import { contentLength } from './content-length.js';
import type { Framing } from './framing.js';
import { ndjson } from './ndjson.js';

export const FRAMINGS: Readonly<Record<string, Framing>> = { ndjson, 'content-length': contentLength };
