#!/usr/bin/env node
// Compiles the validators of the shipped schemas ahead of time into schema/validators/*.cjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jiti = createJiti(import.meta.url);
const { SHIPPED_VALIDATORS, VALIDATORS_DIR } = await jiti.import(path.join(root, 'core/src/validators/shipped.ts'));
const { generateValidator } = await jiti.import(path.join(root, 'core/src/validators/generate.ts'));

fs.mkdirSync(path.join(root, VALIDATORS_DIR), { recursive: true });
for (const v of SHIPPED_VALIDATORS) {
  const file = path.join(VALIDATORS_DIR, `${v.name}.cjs`);
  const code = generateValidator(root, v);
  fs.writeFileSync(path.join(root, file), code);
  console.log(`wrote ${file} (${Math.round(code.length / 1024)} KiB) from ${v.schema}`);
}
