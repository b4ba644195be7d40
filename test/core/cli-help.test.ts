import { describe, expect, it } from 'vitest';
import { allVerbs } from '../../cli.js';
import type { Verb } from '../../core/src/cli/verb.js';
import { runBuiltCli } from '../support/cli.js';

function walk(verbs: Verb[], prefix: string[] = []): string[][] {
  return verbs.flatMap((v) => [[...prefix, v.name], ...walk(v.subverbs ?? [], [...prefix, v.name])]);
}

describe('cutover --help (built CLI)', () => {
  it('lists exactly the registered verbs, each of which runs', async () => {
    const res = await runBuiltCli(['--help']);
    expect(res.code).toBe(0);
    const listed = res.stdout
      .split('\n')
      .slice(res.stdout.split('\n').indexOf('Verbs:') + 1)
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.trim().split(/\s+/)[0]);
    const registered = allVerbs().map((v) => v.name);
    expect(listed.slice(0, registered.length)).toEqual(registered);
    for (const v of allVerbs()) expect(v.run !== undefined || (v.subverbs?.length ?? 0) > 0, `${v.name} must run or have subverbs`).toBe(true);
  });

  it('gives help at every level', async () => {
    for (const path of walk(allVerbs())) {
      const res = await runBuiltCli([...path, '--help']);
      expect(res.code, path.join(' ')).toBe(0);
      expect(res.stdout, path.join(' ')).toContain(`Usage: cutover ${path.join(' ')}`);
      expect(res.stdout).toContain('--json');
    }
  });

  it('never colours output when NO_COLOR is set', async () => {
    const res = await runBuiltCli(['--help'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(res.stdout).not.toContain('\u001b[');
  });
});
