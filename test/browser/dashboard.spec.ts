import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'bin/cutover.js');
const EVIL = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

const SECTIONS = ['Change Summary', 'Files Changed', 'Verification Commands', 'Verification Output', 'Behavior Proof', 'Risk Notes', 'Rollback Path'];
const evidence = (id: string, skip?: string) =>
  `# ${id}\n\n${SECTIONS.filter((s) => s !== skip).map((s) => `## ${s}\n\nWritten for ${id}: \`RUNBOOK.md\`.\n`).join('\n')}`;

const host = process.platform === 'darwin' ? 'macos' : process.platform === 'win32' ? 'windows' : 'linux';
const other = host === 'linux' ? 'macos' : 'linux';

/** A project in a temp dir, committed, matrix run and gate run through the built CLI; returns the dashboard's URL. */
function project(name: string, files: Record<string, string>, afterMatrix?: (dir: string) => void): { dir: string; url: string; gateExit: number | null } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cutover-dash-${name}-`));
  for (const [f, t] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), t);
  }
  const git = (...a: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...a], { cwd: dir });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'init');
  const env = { ...process.env, NO_COLOR: '1', CI: '1' };
  spawnSync(process.execPath, [CLI, 'matrix', 'run'], { cwd: dir, env, encoding: 'utf8' });
  afterMatrix?.(dir);
  const gate = spawnSync(process.execPath, [CLI, 'gate', '--os', 'host'], { cwd: dir, env, encoding: 'utf8' });
  const page = path.join(dir, '.cutover/dashboard/index.html');
  if (!fs.existsSync(page)) throw new Error(`no dashboard written: ${gate.stdout}${gate.stderr}`);
  return { dir, url: pathToFileURL(page).href, gateExit: gate.status };
}

const CONFIG = 'name: dash\ntasks:\n  sources:\n    - path: RUNBOOK.md\nmatrix:\n  file: cutover.matrix.yaml\ngate:\n  require:\n    contract: false\n    reason: no sources in this project\n';
const SIGNOFF = '| Role | Name | Date | Decision |\n| --- | --- | --- | --- |\n| ARCH | A | 2025-06-01 | approved |\n| SEC | S | 2025-06-01 | approved |\n| QA | Q | 2025-06-01 | approved |\n| OPS | O | 2025-06-01 | approved |\n';
const matrix = (rows: string) => `version: 1\ndimensions: { os: [${host}, ${other}], mode: [user, system] }\nrows:\n${rows}`;

let blocked: ReturnType<typeof project>;
let passing: ReturnType<typeof project>;
let stale: ReturnType<typeof project>;

test.beforeAll(() => {
  blocked = project('block', {
    'cutover.config.yaml': CONFIG,
    '.gitignore': '.cutover/\n',
    'RUNBOOK.md': `# Runbook\n\n## Phase 1 - Harden <the> "daemon"\n\n- [!] \`T-001\` (\`SEC\`) Title with ${EVIL}\n- [x] \`T-002\` (\`OPS\`) Done but its evidence lacks a section.\n- [x] \`T-003\` (\`QA\`) Done and fine.\n- [ ] \`T-004\` (\`QA\`) Not started.\n`,
    'docs/migration-evidence/T-002.md': evidence('T-002', 'Risk Notes'),
    'docs/migration-evidence/T-003.md': evidence('T-003'),
    'SIGNOFF.md': SIGNOFF.replace(/^\| SEC .*\n/m, ''),
    'cutover.matrix.yaml': matrix(
      `  - { id: ok, title: Passes, area: lifecycle, tasks: [T-003], notApplicable: [{ mode: system, reason: user only }], check: { kind: shell, run: "node -e 0" } }\n` +
        `  - { id: bad, title: ${JSON.stringify(`Fails ${EVIL}`)}, area: security, tasks: [T-001], notApplicable: [{ os: ${other}, reason: ${JSON.stringify(`host only ${EVIL}`)} }, { mode: system, reason: user only }], check: { kind: shell, run: "node -e \\"process.exit(3)\\"" } }\n`,
    ),
  });
  const passingFiles = {
    'cutover.config.yaml': CONFIG,
    '.gitignore': '.cutover/\n',
    // Two phases whose names make the same slug: their element ids must still differ.
    'RUNBOOK.md': '# Runbook\n\n## Phase 1: A\n\n- [x] `T-001` (`OPS`) Done.\n\n## Phase 1 - A\n\n- [x] `T-002` (`OPS`) Done too.\n',
    'docs/migration-evidence/T-001.md': evidence('T-001'),
    'docs/migration-evidence/T-002.md': evidence('T-002'),
    'SIGNOFF.md': SIGNOFF,
    'cutover.matrix.yaml': matrix(`  - { id: ok, title: Passes, area: lifecycle, tasks: [T-001, T-002], notApplicable: [{ mode: system, reason: user only }], check: { kind: shell, run: "node -e 0" } }\n`),
  };
  passing = project('pass', passingFiles);
  // The same project with a file the checks read changed after the matrix ran.
  stale = project('stale', passingFiles, (dir) => fs.writeFileSync(path.join(dir, 'app.js'), '// changed after the run\n'));
});

test.afterAll(() => {
  for (const p of [blocked, passing, stale]) if (p) fs.rmSync(p.dir, { recursive: true, force: true });
});

async function open(page: Page, url: string): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return dialogs;
}

test('a task title holding <script> shows as text and runs nothing', async ({ page }) => {
  const dialogs = await open(page, blocked.url);
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.locator('img').count()).toBe(0);
  await expect(page.locator('[data-testid="blocked"] tr[data-task="T-001"]')).toContainText(`Title with ${EVIL}`);
  await expect(page.locator('[data-testid="matrix-grid"] tr[data-row="bad"]')).toContainText(`Fails ${EVIL}`);
  // Attribute values are escaped too: the n/a reason is a tooltip, verbatim.
  await expect(page.locator(`[data-testid="matrix-grid"] tr[data-row="bad"] td[data-os="${other}"][data-mode="user"]`)).toHaveAttribute('title', `host only ${EVIL}`);
});

test('a blocked release: verdict, ranked reasons, matrix grid, counts, blocked items, evidence gaps', async ({ page }) => {
  await open(page, blocked.url);
  expect(blocked.gateExit).toBe(1);
  await expect(page.getByTestId('verdict')).toContainText('BLOCK');
  // Project-wide first (a missing sign-off), then by category; the two open tasks are one group of 2.
  const reasons = page.locator('[data-testid="reasons"] > li');
  const ids = await reasons.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-id')}${e.getAttribute('data-count') ? ` ×${e.getAttribute('data-count')}` : ''}`));
  expect(ids).toEqual(['gate-signoff-missing', 'gate-cell-failed', 'gate-task-open ×2', 'gate-evidence-invalid']);
  await expect(reasons.nth(2)).toContainText('2 tasks are not done — blocked, not started');
  await expect(reasons.nth(2).locator('li').first()).toContainText('T-001 is blocked');
  const grid = page.getByTestId('matrix-grid');
  await expect(grid.locator(`tr[data-row="ok"] td[data-os="${host}"][data-mode="user"]`)).toHaveAttribute('data-status', 'passed');
  await expect(grid.locator(`tr[data-row="bad"] td[data-os="${host}"][data-mode="user"]`)).toHaveAttribute('data-status', 'failed');
  await expect(grid.locator(`tr[data-row="ok"] td[data-os="${other}"][data-mode="user"]`)).toHaveAttribute('data-status', 'out_of_scope');
  await expect(grid.locator(`tr[data-row="ok"] td[data-os="${host}"][data-mode="system"]`)).toHaveAttribute('data-status', 'not_applicable');
  const phase = page.locator('[data-testid="by-phase"] tbody tr');
  await expect(phase).toHaveCount(1);
  await expect(phase.first()).toContainText('Phase 1 - Harden <the> "daemon"');
  await expect(phase.first().locator('td')).toHaveText(['Phase 1 - Harden <the> "daemon"', '2', '1', '0', '0', '1', '4']);
  await expect(page.locator('[data-testid="by-owner"] tbody tr')).toHaveCount(3);
  await expect(page.locator('[data-testid="blocked"] tbody tr')).toHaveCount(1);
  await expect(page.locator('[data-testid="evidence-gaps"] > li[data-task="T-002"] li[data-blocking="true"]')).toContainText('Risk Notes');
  await expect(page.locator('[data-testid="evidence-gaps"] > li[data-task="T-002"] li[data-blocking="true"]')).toContainText('blocking');
  await expect(page.locator('[data-testid="signoffs"] tr[data-role="SEC"]')).toContainText('missing');
});

test('a failed cell\'s detail is visible without hovering, with links to its stored output and evidence that lead to files', async ({ page }) => {
  await open(page, blocked.url);
  const item = page.locator(`[data-testid="cell-problems"] li[data-row="bad"][data-os="${host}"][data-mode="user"]`);
  await expect(item).toBeVisible();
  await expect(item).toContainText('code 3');
  const out = item.locator('a[data-testid="output-link"]');
  await expect(out).toHaveCount(1);
  const href = await out.getAttribute('href');
  expect(fs.existsSync(fileURLToPath(new URL(href!, blocked.url)))).toBe(true);
  const ev = page.locator('[data-testid="evidence-gaps"] > li[data-task="T-002"] > a[data-testid="evidence-link"]');
  expect(fileURLToPath(new URL((await ev.getAttribute('href'))!, blocked.url))).toBe(path.join(blocked.dir, 'docs/migration-evidence/T-002.md'));
});

test('element ids are unique on the page', async ({ page }) => {
  for (const url of [blocked.url, passing.url]) {
    await open(page, url);
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const testids = await page.locator('details [data-testid^="tasks-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(new Set(testids).size).toBe(testids.length);
  }
});

test('a passing release shows PASS with its scope, never "every rule passed" when something was not judged', async ({ page }) => {
  await open(page, passing.url);
  expect(passing.gateExit).toBe(0);
  await expect(page.getByTestId('verdict')).toContainText('PASS');
  await expect(page.getByTestId('scope')).toHaveText(`PASS for ${host} only — ${other} not run; contract not required: no sources in this project`);
  await expect(page.getByTestId('verdict')).not.toContainText('every rule passed');
  await expect(page.getByTestId('reasons')).toContainText('none: the release may go');
  await expect(page.locator('[data-testid="signoffs"] tbody tr')).toHaveCount(4);
});

test('a stale report shows its grid as stale, not green', async ({ page }) => {
  await open(page, stale.url);
  expect(stale.gateExit).toBe(1);
  await expect(page.getByTestId('stale')).toContainText('app.js changed since the report ran');
  await expect(page.getByTestId('matrix-grid')).toHaveAttribute('data-stale', 'true');
  const cell = page.locator(`[data-testid="matrix-grid"] tr[data-row="ok"] td[data-os="${host}"][data-mode="user"]`);
  await expect(cell).toHaveAttribute('data-stale', 'true');
  await expect(cell).toContainText('stale');
  // Not the green a passing cell gets (--pass): greyed.
  type Styled = { getComputedStyle(e: unknown): { color: string; getPropertyValue(p: string): string } };
  expect(await page.locator('html').evaluate((e) => (globalThis as unknown as Styled).getComputedStyle(e).getPropertyValue('--pass').trim())).toBe('#1a7f37');
  expect(await cell.evaluate((e) => (globalThis as unknown as Styled).getComputedStyle(e).color)).not.toBe('rgb(26, 127, 55)');
});
