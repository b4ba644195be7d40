import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('cfg-gated commands', () => {
  it('records the #[cfg] predicates of the function, of the modules around it and of the file (#![cfg])', async () => {
    const out = await extractFixture('rust-cfg-gated');
    const cfgs = Object.fromEntries(factsOf(out, 'command-definition').map((c) => [c.name, c.cfg ?? null]));
    expect(cfgs).toEqual({
      scan_qr: 'mobile',
      mac_only: 'target_os = "macos"',
      windows_or_linux: 'any(target_os = "windows", target_os = "linux")',
      dev_tools: 'all(debug_assertions, feature = "devtools")',
      dev_reset: 'debug_assertions',
      everywhere: null,
    });
    expect(out).toEqual(expectedOutput('rust-cfg-gated'));
  });
});
