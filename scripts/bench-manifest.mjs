#!/usr/bin/env node
// Manifest benchmark (not a test): generates a synthetic Tauri app (2,000 Rust commands in 200
// files forwarding to a 2,000-handler sidecar router, 1,000 frontend files calling them through
// consts, loops and a wrapper), then runs the built CLI on it and prints wall time and peak RSS
// of a cold run (no cache) and a warm run (unchanged files, content-hash cache), with the load
// average. --rust-workspace measures the Rust layer alone instead (1,000 Rust files by default, the
// sidecar and frontend groups empty): the targets there are warm <= 0.3 s and peak RSS <= 400 MB.
// Usage: pnpm bench:manifest [--rust-workspace] [--commands N] [--rust-files N] [--frontend-files N] [--keep]
import { spawn } from 'node:child_process';
import os from 'node:os';
import { argv, chalk, echo, fs, path } from 'zx';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cli = path.join(root, 'bin/cutover.js');
if (!fs.existsSync(path.join(root, 'dist/cli.js'))) throw new Error('build first: pnpm build');

const WORKSPACE = argv['rust-workspace'] === true;
const COMMANDS = Number(argv.commands ?? (WORKSPACE ? 3000 : 2000));
const RUST_FILES = Number(argv['rust-files'] ?? (WORKSPACE ? 1000 : 200));
const FRONTEND_FILES = Number(argv['frontend-files'] ?? (WORKSPACE ? 0 : 1000));
const HANDLER_FILES = 20;
const EVENTS = ['stream:start', 'stream:chunk', 'stream:done', 'tool:start', 'tool:result', 'session:updated', 'error'];
const pad = (n) => String(n).padStart(4, '0');
const cmd = (i) => `cmd_${pad(i)}`;
const pascal = (i) => `Cmd${pad(i)}`;

// ---- generate
const app = await fs.mkdtemp(path.join(os.tmpdir(), 'cutover-bench-manifest-'));
const write = (rel, text) => fs.outputFile(path.join(app, rel), text);

const perRust = Math.ceil(COMMANDS / RUST_FILES);
const registered = [];
for (let f = 0; f < RUST_FILES; f++) {
  const mod = `mod_${pad(f)}`;
  const parts = ['use serde::{Deserialize, Serialize};', 'use serde_json::{json, Value};', 'use crate::sidecar::send_command;', ''];
  for (let i = f * perRust; i < Math.min(COMMANDS, (f + 1) * perRust); i++) {
    parts.push(
      '#[derive(Serialize, Deserialize)]',
      '#[serde(rename_all = "camelCase")]',
      `pub struct ${pascal(i)}Options { pub limit: Option<u32>, pub tags: Vec<String>, pub include_archived: bool }`,
      '',
      '#[tauri::command]',
      `pub async fn ${cmd(i)}(session_id: String, options: ${pascal(i)}Options) -> Result<Value, String> {`,
      `    send_command("${cmd(i)}", json!({ "sessionId": session_id, "limit": options.limit, "tags": options.tags })).await`,
      '}',
      '',
    );
    registered.push(`commands::${mod}::${cmd(i)}`);
  }
  await write(`src-tauri/src/commands/${mod}.rs`, parts.join('\n'));
}
await write('src-tauri/src/commands/mod.rs', Array.from({ length: RUST_FILES }, (_, f) => `pub mod mod_${pad(f)};`).join('\n') + '\n');
await write(
  'src-tauri/src/sidecar.rs',
  [
    'use serde_json::Value;',
    'pub async fn send_command(name: &str, params: Value) -> Result<Value, String> {',
    '    let _ = (name, params);',
    '    Ok(Value::Null)',
    '}',
    '',
  ].join('\n'),
);
await write(
  'src-tauri/src/events.rs',
  [
    'use tauri::{AppHandle, Emitter};',
    'pub fn forward(app: AppHandle, event_type: String, payload: serde_json::Value) {',
    '    let _ = app.emit(&format!("agent:{}", event_type), payload);',
    '}',
    '',
  ].join('\n'),
);
await write(
  'src-tauri/src/main.rs',
  [
    'mod commands;',
    'mod events;',
    'mod sidecar;',
    'fn main() {',
    '    tauri::Builder::default()',
    `        .invoke_handler(tauri::generate_handler![\n            ${registered.join(',\n            ')},\n        ])`,
    '        .run(tauri::generate_context!())',
    '        .expect("error while running tauri application");',
    '}',
    '',
  ].join('\n'),
);

const perHandlerFile = Math.ceil(COMMANDS / HANDLER_FILES);
for (let f = 0; f < HANDLER_FILES; f++) {
  const types = [];
  const handlers = ["import { registerHandler } from '../router.js';", `import type * as T from '../types/t_${pad(f)}.js';`, '', `export function register${pad(f)}(): void {`];
  for (let i = f * perHandlerFile; i < Math.min(COMMANDS, (f + 1) * perHandlerFile); i++) {
    types.push(
      `export interface ${pascal(i)}Params {\n  sessionId: string;\n  limit?: number;\n  tags: string[];\n}`,
      `export interface ${pascal(i)}Result {\n  id: string;\n  count: number;\n  items: { name: string; size: number }[];\n}`,
    );
    handlers.push(
      `  registerHandler('${cmd(i)}', async (params: T.${pascal(i)}Params): Promise<T.${pascal(i)}Result> => ({`,
      `    id: params.sessionId,`,
      `    count: params.limit ?? params.tags.length,`,
      `    items: [],`,
      '  }));',
    );
  }
  handlers.push('}', '');
  await write(`src-sidecar/src/types/t_${pad(f)}.ts`, types.join('\n\n') + '\n');
  await write(`src-sidecar/src/handlers/h_${pad(f)}.ts`, handlers.join('\n'));
}
await write(
  'src-sidecar/src/router.ts',
  [
    'type Handler = (params: never) => unknown;',
    'const table = new Map<string, Handler>();',
    'export function registerHandler<P>(name: string, fn: (params: P) => unknown): void {',
    '  table.set(name, fn as Handler);',
    '}',
    '',
  ].join('\n'),
);
await write(
  'src-sidecar/src/events.ts',
  [
    `export type EventType = ${EVENTS.map((e) => `'${e}'`).join(' | ')};`,
    'export class Events {',
    '  emit(type: EventType, sessionId: string, data: unknown): void {',
    '    void type; void sessionId; void data;',
    '  }',
    '}',
    'export const events = new Events();',
    ...EVENTS.map((e, i) => `export function emit${i}(sessionId: string): void {\n  events.emit('${e}', sessionId, { turnId: sessionId, index: ${i} });\n}`),
    '',
  ].join('\n'),
);

await write('src/lib/commands.ts', `export const COMMANDS = {\n${Array.from({ length: COMMANDS }, (_, i) => `  c${pad(i)}: '${cmd(i)}',`).join('\n')}\n} as const;\n`);
await write(
  'src/lib/api.ts',
  [
    "import { invoke } from '@tauri-apps/api/core';",
    'export function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {',
    '  return invoke<T>(command, args);',
    '}',
    '',
  ].join('\n'),
);
for (let f = 0; f < FRONTEND_FILES; f++) {
  const a = (f * 2) % COMMANDS;
  const b = (f * 2 + 1) % COMMANDS;
  await write(
    `src/features/f_${pad(f)}.ts`,
    [
      "import { invoke } from '@tauri-apps/api/core';",
      "import { listen } from '@tauri-apps/api/event';",
      "import { COMMANDS } from '../lib/commands';",
      "import { call } from '../lib/api';",
      '',
      `const EVENTS = ['agent:${EVENTS[f % EVENTS.length]}', 'agent:${EVENTS[(f + 1) % EVENTS.length]}'] as const;`,
      '',
      `export async function feature${pad(f)}(sessionId: string) {`,
      `  const first = await invoke<{ id: string }>(COMMANDS.c${pad(a)}, { sessionId, options: { limit: 10, tags: [], includeArchived: false } });`,
      `  const second = await call<{ id: string }>('${cmd(b)}', { sessionId, options: { limit: 5, tags: ['x'], includeArchived: true } });`,
      '  for (const name of EVENTS) await listen(name, () => {});',
      '  return [first, second];',
      '}',
      '',
    ].join('\n'),
  );
}
// The Rust layer alone: no sidecar or frontend group, and send_command is no forward call there.
const rustOnly = { rust: { forwardCalls: [] }, sidecar: { include: [] }, frontend: { include: [] } };
await write(
  'cutover.config.json',
  JSON.stringify(
    { name: 'bench', manifests: { out: 'manifests', ...(WORKSPACE ? rustOnly : { sidecar: { emitters: ['events.emit'] } }), cache: '.cutover-cache', check: { rules: { 'unforwarded-handler': 'off' } } } },
    null,
    2,
  ),
);

// ---- measure
/** Runs the CLI once; peak RSS comes from the process itself (resourceUsage at exit, in KiB). */
function run(args) {
  const rssHook = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n@@maxrss '+process.resourceUsage().maxRSS+'\\n'))`;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', rssHook, cli, ...args], { cwd: app, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const rss = Number(/@@maxrss (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
      resolve({ code, ms, rss, stdout, stderr: stderr.replace(/\n?@@maxrss \d+\n?/, '') });
    });
  });
}

const rows = [];
async function measure(label, args, target) {
  const r = await run(args);
  if (r.code !== 0 && r.code !== 1) {
    echo(chalk.red(`${label}: exit ${r.code}\n${r.stderr.slice(-3000)}`));
    throw new Error(`cutover ${args.join(' ')} failed`);
  }
  rows.push({ label, ms: r.ms, rss: r.rss, target, ok: target ? r.ms <= target.ms && r.rss <= target.rss : undefined });
  return r;
}

try {
  const rsFiles = RUST_FILES + 4;
  const sidecarFiles = HANDLER_FILES * 2 + 2;
  const what = WORKSPACE ? `a Rust workspace: ${COMMANDS} commands in ${rsFiles} Rust files` : `${COMMANDS} commands, ${rsFiles} Rust files, ${sidecarFiles} sidecar files, ${FRONTEND_FILES + 2} frontend files`;
  echo(chalk.bold(`cutover bench:manifest: ${what} (${os.cpus().length} cores, node ${process.version})`));
  echo(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await measure('check, cold (no cache)', ['check', '--json'], WORKSPACE ? { ms: 8000, rss: 400 } : { ms: 8000, rss: 600 });
  const warm = await measure('check, warm (unchanged files)', ['check', '--json'], WORKSPACE ? { ms: 300, rss: 400 } : { ms: 1000, rss: 600 });
  const doc = JSON.parse(warm.stdout);
  await fs.remove(path.join(app, '.cutover-cache'));
  await measure('manifest --update, cold', ['manifest', '--update'], undefined);
  await measure('manifest --update, warm', ['manifest', '--update'], undefined);
  await measure('drift, warm', ['drift'], undefined);

  const commands = JSON.parse(await fs.readFile(path.join(app, 'manifests/commands.json'), 'utf8')).commands.length;
  echo('');
  for (const r of rows) {
    const verdict = r.ok === undefined ? '' : r.ok ? chalk.green(`  ✓ target ${r.target.ms / 1000} s, ${r.target.rss} MB`) : chalk.red(`  ✗ target ${r.target.ms / 1000} s, ${r.target.rss} MB`);
    echo(`${r.label.padEnd(32)} ${(r.ms / 1000).toFixed(2).padStart(6)} s   peak RSS ${r.rss.toFixed(0).padStart(4)} MB${verdict}`);
  }
  echo('');
  echo(`manifests: ${commands} commands; check found ${doc.summary.error} error(s), ${doc.summary.warning} warning(s)`);
  echo(`load average at end:   ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  if (argv.keep) echo(`kept ${app}`);
  else await fs.remove(app);
}
