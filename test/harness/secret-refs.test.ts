import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../harness/src/context.js';
import { recordScenario } from '../../harness/src/record.js';
import { replayTrace } from '../../harness/src/replay.js';
import { createBuilder } from '../../harness/src/scenario/builder.js';
import { readTrace } from '../../harness/src/trace/read.js';
import { writeTrace } from '../../harness/src/trace/write.js';
import type { HarnessConfig } from '../../core/src/config/types.generated.js';
import { FAST, loaded, socketTarget, stdioTarget, tempDir } from './support.js';

const KEY = 'replay-key-8c1f5a9e2b7d';
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
  process.env.CUTOVER_TEST_API_KEY = KEY;
});
afterEach(async () => {
  delete process.env.CUTOVER_TEST_API_KEY;
  await dir.remove();
});

const config = (extra: Partial<HarnessConfig> = {}) => loaded({ old: stdioTarget(), new: socketTarget(), timeouts: FAST, ...extra });

async function recordAndRead(params: Record<string, unknown>, extra: Partial<HarnessConfig> = {}) {
  const ctx = createContext(config(extra));
  const { builder, steps } = createBuilder();
  builder.send('secret', params);
  const { trace } = await recordScenario(ctx, { name: 'secrets', steps });
  const file = path.join(dir.path, 'secrets.jsonl');
  writeTrace(file, trace, ctx.redactor);
  return { ctx, file, text: fs.readFileSync(file, 'utf8'), trace: readTrace(file) };
}

describe('secrets supplied at replay time', () => {
  it('a {"$secret": NAME} param is sent with its value on record and replay, and only its name is written', async () => {
    const { ctx, text, trace } = await recordAndRead({ apiKey: { $secret: 'CUTOVER_TEST_API_KEY' } });
    expect(text).not.toContain(KEY);
    expect(text).toContain('"params":{"apiKey":{"$secret":"CUTOVER_TEST_API_KEY"}}');
    // The old path got the value: it answered with it, and the trace holds that answer redacted.
    expect(text).toContain('"result":{"apiKey":"[REDACTED]","note":"key [REDACTED]"}');

    const r = await replayTrace(ctx, trace);
    expect(r.findings).toEqual([]);
    // The new path got the real value too, not the reference nor a placeholder.
    const answer = r.actual.find((l) => l.type === 'response') as { message: { result: { apiKey: string } } };
    expect(answer.message.result.apiKey).toBe(KEY);
  });

  it('reads it from the env var or file harness.secrets names', async () => {
    const file = path.join(dir.path, 'api.key');
    fs.writeFileSync(file, 'replay-key-from-file-4d4d\n');
    const { ctx, trace } = await recordAndRead({ apiKey: { $secret: 'API' } }, { secrets: { API: { file } } });
    const r = await replayTrace(ctx, trace);
    expect(r.findings).toEqual([]);
    expect((r.actual.find((l) => l.type === 'response') as { message: { result: { apiKey: string } } }).message.result.apiKey).toBe('replay-key-from-file-4d4d');
  });

  it('an unset secret is an error naming the step and what to set', async () => {
    const ctx = createContext(config());
    const { builder, steps } = createBuilder();
    builder.send('secret', { apiKey: { $secret: 'CUTOVER_TEST_UNSET_KEY' } });
    await expect(recordScenario(ctx, { name: 'unset', steps })).rejects.toThrow(/the secret CUTOVER_TEST_UNSET_KEY is not set \(no environment variable CUTOVER_TEST_UNSET_KEY\)/);
  });

  it('a param that was redacted when recorded is a finding at its line, and nothing is sent', async () => {
    const { ctx, trace, file } = await recordAndRead({ apiKey: 'literal-key-5e5e5e5e' });
    const line = trace.lines.find((l) => l.type === 'request')!.line;
    const r = await replayTrace(ctx, trace);
    expect(r.actual).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ id: 'replay-secret-lost', severity: 'error', file, line });
    expect(r.findings[0]!.message).toContain('request secret would send [REDACTED] as params.apiKey (the value was a secret');
    expect(r.findings[0]!.hint).toContain('{"$secret": "NAME"}');
  });
});
