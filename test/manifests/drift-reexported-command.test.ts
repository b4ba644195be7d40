import { describe, expect, it } from 'vitest';
import { buildManifests } from '../../manifests/src/build/manifest.js';
import { compareManifests } from '../../manifests/src/drift/compare.js';
import type { Fact } from '../../manifests/src/model.js';
import { extractFixture } from './rust-fixture.js';

describe('drift over a command registered through a glob re-export', () => {
  it('is breaking when the command is unregistered', async () => {
    const out = await extractFixture('rust-glob-reexport');
    const facts = Object.values(out).flatMap((r) => r.facts);
    const before = buildManifests(facts, { locations: false });
    // The registered command's entry says it is registered (no `registered: false`).
    const entry = before.commands.commands.find((c) => c.name === 'get_config');
    expect(entry?.producers.filter((p) => p.path === 'cmd::app::config::get_config').map((p) => p.registered)).toEqual([undefined]);

    // Take `cmd::get_config` out of generate_handler![…].
    const after = buildManifests(
      facts.filter((f: Fact) => !(f.kind === 'command-registration' && f.name === 'get_config')),
      { locations: false },
    );
    const changes = compareManifests(before, after);
    expect(changes.filter((c) => c.class === 'breaking').map((c) => c.message)).toEqual([expect.stringContaining('get_config')]);
  });
});
