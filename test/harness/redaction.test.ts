import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../harness/src/context.js';
import { recordScenario } from '../../harness/src/record.js';
import { createBuilder } from '../../harness/src/scenario/builder.js';
import { writeTrace } from '../../harness/src/trace/write.js';
import { validateConfig } from '../../core/src/config/index.js';
import { FAST, FIX, socketTarget, tempDir } from './support.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => (dir = await tempDir()));
afterEach(async () => dir.remove());

describe('no secret reaches a trace', () => {
  it('drops the token, redacts secret keys and configured patterns, and scrubs their values wherever they reappear', async () => {
    // Recorded on the socket target: every request carried the token.
    const ctx = createContext(validateConfig({ harness: { new: socketTarget(), timeouts: FAST }, redact: { keys: ['/^x-team-/'] } }, path.join(FIX, 'cutover.config.json')));
    const { builder, steps } = createBuilder();
    builder.send('secret', { apiKey: 'plain-value-1234', 'x-team-pin': 'team-5678' });
    builder.send('echo', { 'x-team-pin': 'team-5678', apiKey: 'plain-value-1234' });
    const { trace } = await recordScenario(ctx, { name: 'secrets', steps }, { role: 'new' });
    const file = path.join(dir.path, 'secrets.jsonl');
    writeTrace(file, trace, ctx.redactor);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('plain-value-1234');
    expect(text).not.toContain('team-5678');
    expect(text).not.toMatch(/authToken/);
    expect(text).not.toMatch(/[0-9a-f]{32}/);
    // The echo under an innocent key ("note": "key …") is scrubbed too.
    expect(text).toContain('"note":"key [REDACTED]"');
  });
});
