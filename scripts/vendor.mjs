#!/usr/bin/env node
// Copies the files cutover ships from other packages into vendor/ (see vendor/README.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { vendoredFiles, expectedContent } = await createJiti(import.meta.url).import(path.join(root, 'scripts/vendor-files.ts'));
for (const f of vendoredFiles(root)) {
  const target = path.join(root, 'vendor', f.target);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, expectedContent(f));
  console.log(`vendor/${f.target} (${fs.statSync(target).size} bytes)`);
}
