import { describe, expect, it } from 'vitest';
import { checkApp, summary } from './app-fixture.js';

describe('CommonJS handlers in required modules', () => {
  it('follows require (destructured, renamed, or the module whole) to exports.x = …, module.exports = { x, y() {} } and reads each handler', async () => {
    const { a } = await checkApp('ts-handler-commonjs');
    const reads = Object.fromEntries(a.facts.handlers.map((h) => [h.name, h.reads?.map((k) => `${k.key}${k.required ? '' : '?'}`) ?? null]));
    expect(reads).toEqual({ job_status: ['jobId'], cancel_job: ['jobId', 'reason?'], create_note: ['body', 'title'], delete_note: ['index'] });
  });

  it('checks the forwarded keys against them', async () => {
    const { findings } = await checkApp('ts-handler-commonjs');
    expect(findings.map(summary)).toEqual(['error forward-key-mismatch src-tauri/src/main.rs:10', 'error forward-key-mismatch src-tauri/src/main.rs:20']);
    expect(findings[0]!.message).toContain('jobId is required but not sent; job_id is sent but never read');
  });
});
