import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { createAjv } from '../../core/src/config/validate.js';
import { hashInTypes, manifestsHash } from '../../manifests/src/build/dts.js';
import { renderJson } from '../../manifests/src/build/manifest.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze, type Analysis } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { readCommitted } from '../../manifests/src/project/committed.js';
import { runDrift } from '../../manifests/src/project/drift.js';
import { EXAMPLE } from './example-copy.js';

let a: Analysis;

beforeAll(async () => {
  const loaded = await loadConfig({ configPath: path.join(EXAMPLE, 'cutover.config.ts') });
  a = await analyze(manifestOptions(loaded, { cache: false }));
}, 60_000);

describe('the bundled example (examples/cowork)', () => {
  it('has its manifests committed, exactly as extracted from its sources (no drift)', () => {
    const committed = readCommitted(a.options.out);
    expect(committed.commands?.text).toBe(renderJson(a.manifests.commands));
    expect(committed.events?.text).toBe(renderJson(a.manifests.events));
    expect(hashInTypes(committed.types ?? '')).toBe(manifestsHash(a.manifests));
    expect(runDrift(a, committed, new Set()).findings).toEqual([]);
  });

  it('passes check with no finding at all', () => {
    expect(runChecks(a)).toEqual([]);
  });

  it('joins every command across the three layers, and the sidecar → Rust re-emit → frontend event chain', () => {
    for (const c of a.manifests.commands.commands) {
      // initialize is the host's own first command: Rust sends it when it starts the sidecar, and no frontend invokes it.
      const hostOnly = c.name === 'initialize';
      expect(c.producers.map((p) => `${p.side} ${p.kind}`).sort(), c.name).toEqual(hostOnly ? ['sidecar handler'] : ['rust command', 'sidecar handler']);
      expect(c.consumers.map((p) => `${p.side} ${p.kind}`).sort(), c.name).toEqual(hostOnly ? ['rust forward'] : ['frontend invoke', 'rust forward']);
      expect(c.params, c.name).toBeDefined();
      expect(c.result, c.name).toBeDefined();
    }
    const chunk = a.manifests.events.events.find((e) => e.name === 'stream:chunk');
    expect(chunk?.frontendNames).toEqual(['agent:stream:chunk']);
    expect(chunk?.consumers).toEqual([{ side: 'frontend', kind: 'listen', name: 'agent:stream:chunk' }]);
    expect(chunk?.payload).toMatchObject({ type: 'object', required: ['index', 'text', 'turnId'] });
  });

  it('writes schemas a strict validator compiles (the harness validates wire traffic with them)', () => {
    const ajv = createAjv();
    const schemas = [
      ...a.manifests.commands.commands.flatMap((c) => [c.params, c.result]),
      ...a.manifests.events.events.map((e) => e.payload),
    ].filter((s) => s !== undefined);
    expect(schemas.length).toBeGreaterThan(40);
    for (const s of schemas) expect(() => ajv.compile(s)).not.toThrow();
  });

  it('ships types.d.ts that type-checks on its own', () => {
    const file = path.join(a.options.out, 'types.d.ts');
    const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: false, types: [] });
    const diags = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diags).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toContain('"agent_send_message": { params: AgentSendMessageParams; result: AgentSendMessageResult };');
  });
});
