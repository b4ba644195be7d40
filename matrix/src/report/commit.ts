import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CommitState } from './types.js';

const run = promisify(execFile);
const MAX_LISTED = 50;

async function git(dir: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: dir, timeout: 30_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/** `a/b/` excludes everything under a/b; `a/b.md` excludes that file. */
export function isExcluded(file: string, excluded: readonly string[]): boolean {
  return excluded.some((e) => (e.endsWith('/') ? file.startsWith(e) : file === e));
}

export interface TreeEntry {
  code: string;
  file: string;
  hash: string;
}

export interface TreeSnapshot {
  root: string | undefined;
  sha: string | null;
  reason?: string;
  /** Every changed or untracked path with its content hash, sorted by path. */
  entries: TreeEntry[];
}

/** HEAD and every uncommitted change (status + content hash) of the work tree holding `dir`. */
export async function snapshotTree(dir: string): Promise<TreeSnapshot> {
  let root: string;
  let sha: string;
  try {
    const out = (await git(dir, ['rev-parse', '--show-toplevel', 'HEAD'])).trim().split('\n');
    root = out[0]!;
    sha = out[1]!;
    if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new Error(`unexpected HEAD "${sha}"`);
  } catch (e) {
    const msg = (e as { stderr?: string }).stderr?.trim().split('\n')[0] || (e as Error).message.split('\n')[0];
    return { root: undefined, sha: null, reason: `not a git work tree with a commit (${msg})`, entries: [] };
  }
  const status = await git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']);
  const entries: TreeEntry[] = [];
  for (const rec of status.split('\0')) {
    if (rec.length < 4) continue;
    const file = rec.slice(3);
    entries.push({ code: rec.slice(0, 2), file, hash: contentHash(path.join(root, file)) });
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { root, sha, entries };
}

/**
 * What a matrix report is tied to: HEAD plus, when the work tree has changes, a fingerprint of
 * exactly those changes (path, status, content). The gate recomputes this and requires the
 * same sha and the same fingerprint, so a report speaks for the tree the gate sees: committed
 * code, or the very same uncommitted edits. Paths the run writes itself (evidence files, the
 * report folder) are left out on both sides, so writing them does not make the report stale.
 */
export function commitStateOf(snap: TreeSnapshot, excluded: readonly string[]): CommitState {
  const ex = [...new Set(excluded)].sort();
  if (snap.sha === null) return { sha: null, dirty: false, fingerprint: null, changed: [], excluded: ex, reason: snap.reason ?? 'not a git work tree' };
  const kept = snap.entries.filter((e) => !isExcluded(e.file, ex));
  if (kept.length === 0) return { sha: snap.sha, dirty: false, fingerprint: null, changed: [], excluded: ex };
  const h = createHash('sha256');
  for (const e of kept) h.update(`${e.code}\t${e.file}\t${e.hash}\n`);
  return { sha: snap.sha, dirty: true, fingerprint: h.digest('hex'), changed: kept.slice(0, MAX_LISTED).map((e) => e.file), excluded: ex };
}

export async function commitState(dir: string, excluded: readonly string[] = []): Promise<CommitState> {
  return commitStateOf(await snapshotTree(dir), excluded);
}

function contentHash(file: string): string {
  try {
    const st = fs.lstatSync(file);
    if (st.isSymbolicLink()) return `link:${fs.readlinkSync(file)}`;
    if (!st.isFile()) return 'not-a-file';
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return 'deleted';
  }
}

/** Why two commit states differ, in words; undefined when they match. */
export function commitMismatch(report: CommitState, now: CommitState): string | undefined {
  if (report.sha === null) return `the report is not tied to a commit: ${report.reason ?? 'no git work tree when it ran'}`;
  if (now.sha === null) return `the current tree has no commit to compare with: ${now.reason ?? 'not a git work tree'}`;
  if (report.sha !== now.sha) return `the report is from commit ${report.sha.slice(0, 12)}, the tree is at ${now.sha.slice(0, 12)}`;
  if (report.fingerprint === now.fingerprint) return undefined;
  if (!report.dirty) return `the report ran on a clean ${report.sha.slice(0, 12)}, the tree now has uncommitted changes (${now.changed.slice(0, 5).join(', ')}${now.changed.length > 5 ? ', …' : ''})`;
  if (!now.dirty) return `the report ran with uncommitted changes (${report.changed.slice(0, 5).join(', ')}), the tree is now clean`;
  const differing = [...new Set([...report.changed, ...now.changed])].filter((f) => !(report.changed.includes(f) && now.changed.includes(f)));
  return `the uncommitted changes differ from those the report ran with${differing.length ? ` (${differing.slice(0, 5).join(', ')}${differing.length > 5 ? ', …' : ''})` : ' (same files, different contents)'}`;
}
