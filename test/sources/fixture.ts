import fs from 'node:fs';
import path from 'node:path';
import { parseTaskFile, type ParseTaskFileOptions } from '../../core/src/tasks/index.js';
import { REPO_ROOT } from '../support/cli.js';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/sources');
const NOT_INPUT = new Set(['options.json', 'expected.json']);

/** The fixture's one input file (whatever is not options.json or expected.json). */
export function fixtureInput(name: string): string {
  const dir = path.join(FIXTURES, name);
  const inputs = fs.readdirSync(dir).filter((f) => !NOT_INPUT.has(f));
  if (inputs.length !== 1) throw new Error(`fixture ${name} should hold exactly one task list, has: ${inputs.join(', ')}`);
  return path.join(dir, inputs[0]!);
}

/** Parses a fixture with its options.json, with paths made relative to the fixture folder. */
export function parseFixture(name: string): unknown {
  const dir = path.join(FIXTURES, name);
  const file = fixtureInput(name);
  const optionsFile = path.join(dir, 'options.json');
  const options = fs.existsSync(optionsFile) ? (JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as ParseTaskFileOptions) : {};
  const result = parseTaskFile(file, fs.readFileSync(file, 'utf8'), options);
  return JSON.parse(JSON.stringify(result).split(`${dir}/`).join('').split(FIXTURES).join('<fixtures>'));
}

export function expected(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8'));
}
