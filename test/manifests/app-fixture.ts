import path from 'node:path';
import { loadConfig } from '../../core/src/config/index.js';
import type { Finding } from '../../core/src/findings.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze, type Analysis } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { FIXTURES } from './ts-fixture.js';

/** The whole pipeline (every extractor, the builder, the rules) over `test/fixtures/manifests/<name>/` and its cutover.config.json. */
export async function checkApp(name: string): Promise<{ a: Analysis; findings: Finding[] }> {
  const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(FIXTURES, name, 'cutover.config.json') })));
  return { a, findings: JSON.parse(JSON.stringify(runChecks(a))) as Finding[] };
}

/** `severity id file:line`, for comparing findings at a glance. */
export const summary = (f: Finding): string => `${f.severity} ${f.id} ${f.file}:${f.line}`;
