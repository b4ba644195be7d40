#!/usr/bin/env node
// `pnpm test:corpus` and `pnpm bench:real` start here: without the corpus every corpus test would
// skip and the run would end green having tested nothing, so it stops, saying where it looked.
import fs from 'node:fs';
import { CORPUS } from './count.mjs';

if (!fs.existsSync(CORPUS)) {
  console.error(`no corpus at ${CORPUS}: put the real apps there, or set CUTOVER_CORPUS=DIR (one folder per app)`);
  process.exit(2);
}
