import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/src/errors.js';
import { Contract } from '../../harness/src/checks/contract.js';
import { createContext } from '../../harness/src/context.js';
import { recordScenario } from '../../harness/src/record.js';
import { replayTrace } from '../../harness/src/replay.js';
import { loadScenario } from '../../harness/src/scenario/load.js';
import { FAST, FIX, loaded, socketTarget, stdioTarget, tempDir } from './support.js';

const C = path.join(FIX, 'contract');

describe('contract validation against the manifests', () => {
  it('flags payloads that break the schema even when both paths agree', async () => {
    const ctx = createContext(loaded({ old: stdioTarget(), new: socketTarget(), timeouts: FAST, contract: { commands: 'contract/commands.json', events: 'contract/events.json' } }));
    const s = await loadScenario(path.join(C, 'scenario.yaml'));
    const rec = await recordScenario(ctx, s);
    const recorded = rec.findings.map((f) => f.message);
    expect(recorded).toEqual([
      'params of create breaks the manifest schema (old path, while recording scenario): title: expected at most 5 character(s), found string "A title longer than five characters"',
      'result of echo breaks the manifest schema (old path, while recording scenario): word: expected number, found string "not-a-number"',
      'data of event tick breaks the manifest schema (old path, while recording scenario): index: expected a number <= 1, found number 2',
    ]);
    const rep = await replayTrace(ctx, rec.trace);
    // No difference between the paths; each violation is reported once, saying both paths break it, located in the trace.
    expect(rep.findings.filter((f) => f.id.startsWith('replay-'))).toEqual([]);
    const violations = rep.findings.filter((f) => f.id === 'contract-violation');
    expect(violations.map((f) => f.message.replace(/: .*/, ''))).toEqual([
      'params of create breaks the manifest schema (both paths)',
      'result of echo breaks the manifest schema (both paths)',
      'data of event tick breaks the manifest schema (both paths)',
    ]);
    for (const f of violations) expect(f.line).toBeGreaterThan(1);
  });

  it('does not hold a request marked breaksContract to the schema (a refusal being tested)', async () => {
    const ctx = createContext(loaded({ old: stdioTarget(), timeouts: FAST, contract: { commands: 'contract/commands.json' } }));
    const { trace, findings } = await recordScenario(ctx, {
      name: 'refusal',
      steps: [{ type: 'request', conn: 'main', command: 'create', params: { title: 'far too long a title' }, breaksContract: true }],
    });
    expect(findings).toEqual([]);
    expect(trace.lines[0]).toMatchObject({ type: 'request', breaksContract: true });
  });

  it('compiles the validators once per manifest content, whichever file holds it', async () => {
    const files = { commands: path.join(C, 'commands.json'), events: path.join(C, 'events.json') };
    const first = Contract.load(files);
    expect(Contract.load(files)).toBe(first);
    const dir = await tempDir();
    try {
      const copy = path.join(dir.path, 'commands.json');
      fs.copyFileSync(files.commands, copy);
      expect(Contract.load({ ...files, commands: copy })).toBe(first);
      fs.writeFileSync(copy, fs.readFileSync(files.commands, 'utf8').replace('"commands"', '"commands" ').trimEnd() + '\n\n');
      expect(Contract.load({ ...files, commands: copy })).not.toBe(first);
    } finally {
      await dir.remove();
    }
  });

  it('refuses a file that is not a manifest', () => {
    expect(() => Contract.load({ commands: path.join(C, 'events.json') })).toThrow(ConfigError);
    expect(() => Contract.load({ commands: path.join(C, 'events.json') })).toThrow('not a commands manifest: no "commands" array');
  });
});
