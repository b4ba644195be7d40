import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ownTmpdir, runCheck, tempProject, type TempProject } from './helpers.js';

ownTmpdir();

const has = (tool: string) => (process.env.PATH ?? '').split(path.delimiter).some((d) => fs.existsSync(path.join(d, tool)));

const UNIT = `[Unit]
Description=Example daemon

[Service]
ExecStart=/bin/sh -c "exec sleep 3600"
Restart=on-failure
FooBar=1

[Install]
WantedBy=default.target
`;

const PLIST = `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0">
<dict>
  <key>Label</key><string>dev.example</string>
  <key>ProgramArguments</key><array><string>/bin/sh</string></array>
  <key>RunAtLoad</key><true/>
  <key>KeepAlive</key><true/>
</dict>
</plist>
`;

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});

async function project(): Promise<string> {
  const p = await tempProject({ 'app.service': UNIT, 'agent.plist': PLIST });
  projects.push(p);
  return p.dir;
}

describe('platform validators of service definitions', () => {
  it.skipIf(!has('systemd-analyze'))('systemd-analyze verify runs when installed; what it says about the file is a warning at its line', async () => {
    const dir = await project();
    const { outcome } = await runCheck(dir, { kind: 'service-definition', file: 'app.service' });
    expect(outcome.status, outcome.message).toBe('passed');
    expect(outcome.findings.map((f) => [f.id, f.severity, f.line])).toEqual([['service-validator-reported', 'warning', 7]]);
    expect(outcome.findings[0]!.message).toMatch(/systemd-analyze: .*FooBar/);
  });

  it('a validator that is not installed is said, and that part is inconclusive, not passed', async () => {
    const dir = await project();
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, 'no-tools-here');
    try {
      const auto = await runCheck(dir, { kind: 'service-definition', file: 'agent.plist' });
      expect(auto.outcome.status).toBe('passed');
      expect(auto.outcome.message).toBe('valid launchd definition; plutil -lint: plutil is not installed on this machine (that part is inconclusive, not passed)');
      const required = await runCheck(dir, { kind: 'service-definition', file: 'agent.plist', validator: 'required' });
      expect(required.outcome.status).toBe('error');
      expect(required.outcome.message).toBe('plutil -lint is required here: plutil is not installed on this machine');
    } finally {
      process.env.PATH = saved;
    }
  });

  it.skipIf(!has('plutil'))('plutil -lint passes a well-formed plist', async () => {
    const dir = await project();
    const { outcome } = await runCheck(dir, { kind: 'service-definition', file: 'agent.plist' });
    expect(outcome.status, outcome.message).toBe('passed');
    expect(outcome.message).toBe('valid launchd definition');
  });
});
