import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allVerbs } from '../../cli.js';
import { renderVerbHelp } from '../../core/src/cli/help.js';
import type { Verb } from '../../core/src/cli/verb.js';
import { createOutput } from '../../core/src/output.js';
import { REPO_ROOT, runBuiltCli } from '../support/cli.js';

function walk(verbs: Verb[], prefix: string[] = []): { path: string[]; verb: Verb }[] {
  return verbs.flatMap((v) => [{ path: [...prefix, v.name], verb: v }, ...walk(v.subverbs ?? [], [...prefix, v.name])]);
}

describe('the CLI in the first hour (built CLI)', () => {
  it('`cutover help <verb> [<subcommand>]` prints the same help as --help; an unknown verb is a usage error with a guess', async () => {
    const a = await runBuiltCli(['help', 'matrix', 'run']);
    const b = await runBuiltCli(['matrix', 'run', '--help']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const root = await runBuiltCli(['help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('cutover help <verb>');
    const bad = await runBuiltCli(['help', 'matrx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean "matrix"?');
  });

  it('`--version --json` prints one JSON document', async () => {
    const res = await runBuiltCli(['--version', '--json']);
    expect(res.code).toBe(0);
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(JSON.parse(res.stdout)).toEqual({ name: 'cutover', version, node: process.versions.node });
    expect((await runBuiltCli(['--version'])).stdout).toBe(`${version}\n`);
  });

  it('a negative or malformed number for a numeric option is a clear usage error naming the option and its range', async () => {
    const cases: [string[], string][] = [
      [['gate', '--top', '-1'], '--top expects a whole number ≥ 1, got "-1"'],
      [['check', '--max-warnings', '-3'], '--max-warnings expects a whole number ≥ 0, got "-3"'],
      [['check', '--max-warnings=2.5'], '--max-warnings expects a whole number ≥ 0, got "2.5"'],
      [['matrix', 'plan', '--shards', '0'], '--shards expects a whole number ≥ 1, got "0"'],
      [['record', '--runs', '21'], '--runs expects a whole number from 1 to 20, got "21"'],
    ];
    for (const [args, message] of cases) {
      const res = await runBuiltCli(args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr, args.join(' ')).toContain(message);
      expect(res.stderr).not.toContain('ambiguous');
    }
  });

  it('says "(repeatable)" once per option, wherever the declaration already says it', () => {
    const style = createOutput({ json: false, debug: false, color: false }).style;
    const repeated = walk(allVerbs()).flatMap(({ path: p, verb }) => renderVerbHelp(p, verb, style).split('\n').filter((l) => (l.match(/\(repeatable\)/g) ?? []).length > 1));
    expect(repeated).toEqual([]);
    const replay = renderVerbHelp(['replay'], allVerbs().find((v) => v.name === 'replay')!, style);
    expect(replay).toMatch(/--builtin NAME .*\(repeatable\)/);
  });
});
