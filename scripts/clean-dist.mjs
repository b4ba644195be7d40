// The build starts from an empty dist/: a module that was removed from the sources must not live
// on in the build (and be shipped, or imported by a stale path).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

fs.rmSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'), { recursive: true, force: true });
