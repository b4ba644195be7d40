import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('#[path = "…"] modules', () => {
  it('load the file the attribute names, and that file’s own `mod x;` resolve beside it', async () => {
    const out = await extractFixture('rust-path-attr');
    expect(factsOf(out, 'command-definition').map((d) => [d.path, d.loc.file])).toEqual([
      ['generated::api::api_version', 'src/gen/api_v1.rs'],
      ['platform::open_window', 'src/platform/desktop.rs'],
      ['platform::tray::tray_menu', 'src/platform/tray.rs'],
    ]);
    expect(factsOf(out, 'command-registration').map((r) => [r.path, r.unresolved ?? null])).toEqual([
      ['platform::open_window', null],
      ['platform::tray::tray_menu', null],
      ['generated::api::api_version', null],
    ]);
    expect(out).toEqual(expectedOutput('rust-path-attr'));
  });
});
