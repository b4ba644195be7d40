import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(REPO_ROOT, 'bin/cutover.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`pnpm build` first) as a user would, with colour off and a time limit. */
export function runBuiltCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', CI: '1', GITHUB_ACTIONS: '', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const limit = opts.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cutover ${args.join(' ')} did not finish within ${limit} ms\nstderr: ${stderr.slice(-2000)}`));
    }, limit);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Replaces what changes between machines and runs, so outputs compare against fixtures. */
export function normalize(text: string, replacements: Record<string, string> = {}): string {
  let out = text;
  for (const [from, to] of Object.entries({ [REPO_ROOT]: '<repo>', ...replacements })) out = out.split(from).join(to);
  return out
    .replace(/\/tmp\/cutover-[A-Za-z0-9_-]+/g, '<tmp>')
    .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z\b/g, '<time>')
    .replace(/\bpid[ :=]+\d+/gi, 'pid <pid>')
    .replace(/\b\d+(\.\d+)? ?ms\b/g, '<ms>');
}
