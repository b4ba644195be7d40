import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectCacheDir } from '../../core/src/config/cache-dir.js';
import { MiB, readBounded } from '../../core/src/config/bounded-read.js';
import { cutoverVersion } from '../../core/src/paths.js';
import type { EvidenceSettings } from './config.js';
import type { EvidenceAnalysis } from './lint-file.js';

/** Bumped when what a cached analysis holds changes meaning. */
const FORMAT = 2;
/** A file whose mtime is this close to when it was read may change again without its mtime showing it. */
const RACY_MS = 2000;

interface Entry {
  id: string;
  /** size, mtime, ctime and inode of the file when it was read. */
  sig: string;
  sha256: string;
  readAt: number;
  analysis: EvidenceAnalysis;
}

interface CacheFile {
  format: number;
  version: string;
  settings: string;
  entries: Record<string, Entry>;
}

export const statSignature = (st: fs.Stats) => `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The evidence linter's results, by file content: a file's analysis (its findings and listed paths,
 * never the existence of those paths, which is checked on every run) is kept with the sha256 of the
 * text it came from. A file whose size, times and inode are unchanged since it was read, and was
 * not written within two seconds of that read, is not read again (git's index does the same); any
 * other file is read, and its analysis reused when its content hash is known. Kept under
 * node_modules/.cache/cutover only: a project without node_modules lints without a cache.
 */
export class LintCache {
  private readonly entries: Record<string, Entry>;
  private readonly used = new Set<string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly settingsKey: string,
    previous: CacheFile | undefined,
  ) {
    this.entries = previous?.format === FORMAT && previous.version === cutoverVersion() && previous.settings === settingsKey ? previous.entries : {};
  }

  static open(projectDir: string, settings: EvidenceSettings): LintCache | undefined {
    const dir = projectCacheDir(projectDir);
    if (!dir) return undefined;
    const key = sha256(
      JSON.stringify({
        sections: settings.sections,
        placeholders: settings.placeholders.map((p) => p.source),
        dir: settings.dir,
        root: settings.root,
        repository: settings.repository,
        stripPrefixes: settings.stripPrefixes,
      }),
    );
    const file = path.join(dir, 'evidence-lint.json');
    const read = readBounded(file, 256 * MiB);
    let previous: CacheFile | undefined;
    if (read.ok) {
      try {
        previous = JSON.parse(read.text) as CacheFile;
      } catch {
        previous = undefined; // a broken cache is rebuilt
      }
    }
    return new LintCache(file, key, previous);
  }

  /** The analysis of a file not touched since it was read (by its stat alone), if there is one. */
  unchanged(file: string, id: string, st: fs.Stats): EvidenceAnalysis | undefined {
    const e = this.entries[file];
    if (!e || e.id !== id || e.sig !== statSignature(st) || st.mtimeMs > e.readAt - RACY_MS) return undefined;
    this.used.add(file);
    return e.analysis;
  }

  /** The analysis of this content, if any file had it (for the same task id). */
  byContent(file: string, id: string, hash: string): EvidenceAnalysis | undefined {
    const e = this.entries[file];
    return e && e.id === id && e.sha256 === hash ? e.analysis : undefined;
  }

  /** `st` is the stat taken before the read, so it never describes newer content than `hash`. */
  store(file: string, id: string, st: fs.Stats | undefined, readAt: number, hash: string, analysis: EvidenceAnalysis): void {
    this.used.add(file);
    const sig = st ? statSignature(st) : 'unknown';
    const prev = this.entries[file];
    // The same file, read before and settled since: the entry already says all this one would.
    if (prev && st && prev.id === id && prev.sig === sig && prev.sha256 === hash && st.mtimeMs <= prev.readAt - RACY_MS) return;
    this.entries[file] = { id, sig, sha256: hash, readAt, analysis };
    this.changed = true;
  }

  /** Writes the cache (only the files of this run) when it changed; a cache that cannot be written is simply not kept. */
  save(): void {
    const stale = Object.keys(this.entries).filter((f) => !this.used.has(f));
    if (!this.changed && stale.length === 0) return;
    const entries = Object.fromEntries([...this.used].sort().map((f) => [f, this.entries[f]!]));
    const doc: CacheFile = { format: FORMAT, version: cutoverVersion(), settings: this.settingsKey, entries };
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(doc));
      fs.renameSync(tmp, this.file);
    } catch {
      // read-only node_modules: lint without a cache next time too
    }
  }
}
