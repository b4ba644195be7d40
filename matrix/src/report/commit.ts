import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { git } from '../../../core/src/git.js';
import type { CommitState } from './types.js';

const MAX_LISTED = 50;
export const FINGERPRINT_SCHEME = 'inputs-v1';

/** `a/b/` excludes everything under a/b; `a/b.md` excludes that file. */
export function isExcluded(file: string, excluded: readonly string[]): boolean {
  return excluded.some((e) => (e.endsWith('/') ? file.startsWith(e) : file === e));
}

export interface TreeSnapshot {
  root: string | undefined;
  sha: string | null;
  reason?: string;
  /** Every file git sees (tracked, or untracked and not ignored) → its blob id as the work tree has it. */
  files: Map<string, string>;
  /** The paths that differ from HEAD (or are untracked) → their blob id, or "deleted". */
  dirty: Map<string, string>;
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Blob ids of changed work-tree files, as `git add` would store them; links and other kinds get a marker. */
async function hashDirty(root: string, paths: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const regular: string[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(path.join(root, p));
    } catch {
      out.set(p, 'deleted');
      continue;
    }
    if (st.isFile()) regular.push(p);
    else if (st.isSymbolicLink()) out.set(p, `link:${fs.readlinkSync(path.join(root, p))}`);
    else out.set(p, st.isDirectory() ? 'folder' : 'not-a-file');
  }
  if (regular.length) {
    const ids = (await git(root, ['hash-object', '--stdin-paths'], `${regular.join('\n')}\n`)).trim().split('\n');
    regular.forEach((p, i) => out.set(p, ids[i]!));
  }
  return out;
}

/** `git ls-files -s` / `git ls-tree -r`: path → object id. */
function parseIndex(text: string, kind: 'ls-files' | 'ls-tree'): Map<string, string> {
  const out = new Map<string, string>();
  for (const rec of text.split('\0')) {
    const tab = rec.indexOf('\t');
    if (tab < 0) continue;
    const fields = rec.slice(0, tab).split(' ');
    out.set(rec.slice(tab + 1), kind === 'ls-files' ? fields[1]! : fields[2]!);
  }
  return out;
}

/** HEAD, every file git sees with its content's blob id, and which of them differ from HEAD. */
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
    return { root: undefined, sha: null, reason: `not a git work tree with a commit (${msg})`, files: new Map(), dirty: new Map() };
  }
  const [index, status] = await Promise.all([
    git(root, ['ls-files', '-s', '-z']),
    git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']),
  ]);
  const files = parseIndex(index, 'ls-files');
  const changed = status
    .split('\0')
    .filter((rec) => rec.length >= 4)
    .map((rec) => rec.slice(3));
  const dirty = await hashDirty(root, [...new Set(changed)]);
  for (const [file, blob] of dirty) {
    if (blob === 'deleted') files.delete(file);
    else files.set(file, blob);
  }
  return { root, sha, files, dirty };
}

function fingerprintOf(files: ReadonlyMap<string, string>, excluded: readonly string[]): string {
  const h = createHash('sha256');
  for (const file of [...files.keys()].sort(byPath)) if (!isExcluded(file, excluded)) h.update(`${file}\t${files.get(file)}\n`);
  return h.digest('hex');
}

/**
 * What a matrix report is tied to: a fingerprint of the files its checks can depend on (every
 * file git sees, with its content), leaving out what only describes the release (task lists,
 * sign-offs, evidence) and what cutover writes itself (reports, dashboard, logs). The gate
 * recomputes it: ticking a box, signing off or committing either does not make a report stale;
 * changing a source file, the matrix file or a config does, and the gate names the file.
 */
export function commitStateOf(snap: TreeSnapshot, excluded: readonly string[]): CommitState {
  const ex = [...new Set(excluded)].sort(byPath);
  if (snap.sha === null) return { sha: null, dirty: false, fingerprint: null, changed: [], excluded: ex, reason: snap.reason ?? 'not a git work tree' };
  const entries = [...snap.dirty].filter(([file]) => !isExcluded(file, ex)).sort(([a], [b]) => byPath(a, b));
  return {
    sha: snap.sha,
    dirty: entries.length > 0,
    fingerprint: fingerprintOf(snap.files, ex),
    scheme: FINGERPRINT_SCHEME,
    changed: entries.slice(0, MAX_LISTED).map(([file]) => file),
    entries: entries.map(([file, blob]) => ({ file, blob })),
    excluded: ex,
  };
}

export async function commitState(dir: string, excluded: readonly string[] = []): Promise<CommitState> {
  return commitStateOf(await snapshotTree(dir), excluded);
}

/** Files whose content differs between two path → blob maps, left out the excluded ones. */
export function differingFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>, excluded: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of new Set([...a.keys(), ...b.keys()])) if (!isExcluded(file, excluded) && a.get(file) !== b.get(file)) out.push(file);
  return out.sort(byPath);
}

const listed = (files: readonly string[]) => `${files.slice(0, 5).join(', ')}${files.length > 5 ? `, … (${files.length} files)` : ''}`;

/**
 * Why a report no longer speaks for the tree, in words naming the files that changed; undefined
 * when it still does. The files are named by rebuilding the tree the report ran on (its commit,
 * plus the uncommitted changes it recorded) and comparing it with the tree now.
 */
export async function staleReason(report: CommitState, now: TreeSnapshot, excluded: readonly string[]): Promise<string | undefined> {
  if (report.sha === null) return `the report is not tied to a commit: ${report.reason ?? 'no git work tree when it ran'}`;
  if (now.sha === null || !now.root) return `the current tree has no commit to compare with: ${now.reason ?? 'not a git work tree'}`;
  if (report.scheme !== FINGERPRINT_SCHEME || !report.entries) return 'the report was written by an older cutover, without a fingerprint of what its checks read: run the matrix again';
  const current = commitStateOf(now, excluded);
  if (current.fingerprint === report.fingerprint) return undefined;
  let then: Map<string, string>;
  try {
    then = parseIndex(await git(now.root, ['ls-tree', '-r', '-z', '--full-tree', report.sha]), 'ls-tree');
  } catch {
    return `files the checks depend on changed since the report ran, and its commit ${report.sha.slice(0, 12)} is not in this clone to say which`;
  }
  for (const e of report.entries) {
    if (e.blob === 'deleted') then.delete(e.file);
    else then.set(e.file, e.blob);
  }
  const files = differingFiles(then, now.files, excluded);
  // Only the exclusions can explain an empty list: the config now leaves out other files than when it ran.
  if (files.length === 0) return 'the files the report is tied to differ from those the config now names (task lists, evidence, outputs): run the matrix again';
  return `${listed(files)} changed since the report ran${report.sha === now.sha ? '' : ` (at ${report.sha.slice(0, 12)}, the tree is now at ${now.sha.slice(0, 12)})`}`;
}
