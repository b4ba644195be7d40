import fs from 'node:fs';
import path from 'node:path';

/**
 * Reading a file a project names (a task list, an evidence file, a report, a sign-off file) without
 * trusting it: regular files only (a FIFO would block `open()` forever, `/dev/zero` never ends), a
 * size cap, and optionally confinement to a set of folders after symlinks are resolved. Nothing
 * here blocks on the file's kind: the open does not wait for a writer, and what was opened is
 * judged by fstat before a byte is read.
 */
export type ReadProblem = 'missing' | 'not-a-file' | 'too-large' | 'outside' | 'unreadable';

export type BoundedRead = { ok: true; text: string } | { ok: false; problem: ReadProblem; message: string; code?: string };

export const MiB = 1024 * 1024;

/** What a path that is not a regular file is, in words. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const fail = (problem: ReadProblem, message: string, code?: string): BoundedRead => ({ ok: false, problem, message, ...(code ? { code } : {}) });

function errnoProblem(e: unknown): BoundedRead {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail('missing', 'does not exist', code);
  if (code === 'ELOOP') return fail('unreadable', 'is a symlink loop', code);
  if (code === 'EISDIR') return fail('not-a-file', 'is a folder, not a regular file', code);
  return fail('unreadable', `could not be read (${code ?? (e as Error).message})`, code);
}

const { O_RDONLY, O_NONBLOCK = 0, O_NOFOLLOW } = fs.constants;

function readFd(fd: number, maxBytes: number): BoundedRead {
  const st = fs.fstatSync(fd);
  if (!st.isFile()) return fail('not-a-file', `is ${kindOf(st)}, not a regular file`);
  if (st.size > maxBytes) return fail('too-large', `is ${st.size} bytes, over the limit of ${maxBytes}`);
  const buf = Buffer.allocUnsafe(st.size + 1);
  let n = 0;
  for (;;) {
    if (n === buf.length) return fail('too-large', `grew while it was read (limit ${maxBytes} bytes)`);
    const got = fs.readSync(fd, buf, n, buf.length - n, null);
    if (got === 0) break;
    n += got;
  }
  return { ok: true, text: buf.toString('utf8', 0, n) };
}

function readWith(file: string, maxBytes: number, flags: number): BoundedRead {
  let fd: number;
  try {
    fd = fs.openSync(file, flags);
  } catch (e) {
    return errnoProblem(e);
  }
  try {
    return readFd(fd, maxBytes);
  } catch (e) {
    return errnoProblem(e);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a regular file of at most `maxBytes` bytes as UTF-8; never blocks on a FIFO, never reads past the cap. */
export function readBounded(file: string, maxBytes: number): BoundedRead {
  return readWith(file, maxBytes, O_RDONLY | O_NONBLOCK);
}

const within = (dir: string, file: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

function realOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/**
 * Confinement to a set of folders (the repository, a configured evidence folder): a path is inside
 * when its real path, links resolved, is inside the real path of one of them. Folders' real paths
 * are kept, so reading thousands of files in a few folders costs no more than reading them.
 */
export function confinement(roots: readonly string[]) {
  const realRoots = roots.map((r) => realOrUndefined(r) ?? path.resolve(r));
  const realDirs = new Map<string, string | undefined>();
  const realDir = (dir: string) => {
    if (!realDirs.has(dir)) realDirs.set(dir, realOrUndefined(dir));
    return realDirs.get(dir);
  };
  const inside = (real: string) => realRoots.some((r) => within(r, real));
  const outside = (real: string) => fail('outside', `resolves outside ${roots.length === 1 ? 'the repository' : 'the repository and the evidence folder'} (to ${real})`);

  /** The real path of a file (undefined when it or its folder does not resolve). */
  const realPath = (file: string): string | undefined => {
    const abs = path.resolve(file);
    const dir = realDir(path.dirname(abs));
    if (dir === undefined) return undefined;
    try {
      return fs.lstatSync(abs).isSymbolicLink() ? realOrUndefined(abs) : path.join(dir, path.basename(abs));
    } catch {
      return undefined;
    }
  };

  return {
    roots: realRoots,
    /** True inside, false outside, undefined when the path does not resolve (missing, or a link loop). */
    contains(file: string): boolean | undefined {
      const real = realPath(file);
      return real === undefined ? undefined : inside(real);
    },
    /** Whether the path as written (before links) stays inside: `../` cannot climb out. */
    containsLexically(file: string): boolean {
      const abs = path.resolve(file);
      return roots.some((r) => within(path.resolve(r), abs));
    },
    /** The lstat of a regular file (not a link) whose folder resolves inside; undefined for anything else. */
    regularFileInside(file: string): fs.Stats | undefined {
      const abs = path.isAbsolute(file) ? file : path.resolve(file);
      const dir = realDir(path.dirname(abs));
      if (dir === undefined || !inside(`${dir}${path.sep}${path.basename(abs)}`)) return undefined;
      try {
        const st = fs.lstatSync(abs);
        return st.isFile() ? st : undefined;
      } catch {
        return undefined;
      }
    },
    /** Reads a regular file under the cap, only when it resolves inside. */
    read(file: string, maxBytes: number): BoundedRead {
      const abs = path.resolve(file);
      const dir = realDir(path.dirname(abs));
      if (dir === undefined) return fail('missing', 'does not exist', 'ENOENT');
      const direct = path.join(dir, path.basename(abs));
      if (!inside(direct)) return outside(direct);
      if (O_NOFOLLOW === undefined) {
        const real = realPath(abs);
        if (real === undefined) return readBounded(abs, maxBytes);
        return inside(real) ? readBounded(real, maxBytes) : outside(real);
      }
      // The common case costs one open: a link is refused by O_NOFOLLOW (ELOOP) and only then resolved.
      const first = readWith(direct, maxBytes, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
      if (first.ok || first.code !== 'ELOOP') return first;
      const real = realOrUndefined(abs);
      if (real === undefined) return fail('unreadable', 'is a symlink that leads nowhere readable (a loop, or a missing target)', 'ELOOP');
      return inside(real) ? readBounded(real, maxBytes) : outside(real);
    },
  };
}

export type Confinement = ReturnType<typeof confinement>;
