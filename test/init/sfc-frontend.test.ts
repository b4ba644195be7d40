import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../init/src/detect.js';
import { renderConfig } from '../../init/src/render/config.js';
import { REPO_ROOT } from '../support/cli.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/init/sfc-frontend');

describe('cutover init on a frontend of .svelte and .vue components', () => {
  it('reads the components’ <script> imports and includes every kind of file the frontend folder holds', async () => {
    const d = await detect(FIXTURE);
    expect(d.frontend).toEqual([{ glob: 'apps/ui/src/**/*.{ts,svelte,vue}', because: 'apps/ui/src/App.svelte imports @tauri-apps/api/core' }]);
    expect(renderConfig(d, { matrix: 'cutover.matrix.yaml', runbook: 'RUNBOOK.md', signoff: 'SIGNOFF.md' })).toContain("frontend: { include: ['apps/ui/src/**/*.{ts,svelte,vue}'] },");
  });
});
