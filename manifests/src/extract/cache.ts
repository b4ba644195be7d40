/**
 * The content-hash cache of extracted facts: one JSON file per extractor, keyed by the
 * extractor id and a hash of the options (and cutover's version). Incremental extractors keep
 * one entry per file (its sha256, the hashes of the files it depends on, its facts and findings);
 * the others keep one entry per group, keyed by the hash of every file's content. A warm run
 * reads and hashes the sources and parses nothing that did not change.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../core/src/findings.js';
import type { Fact } from '../model.js';

/** Raised whenever the shape of a fact changes, so facts cached by an older cutover are never read. */
const CACHE_FORMAT = 3;

export interface FileEntry {
  hash: string;
  /** Dependency → its hash when the facts were extracted (null: the file did not exist). */
  deps: Record<string, string | null>;
  facts: Fact[];
  findings: Finding[];
}

export interface CacheDoc {
  format: number;
  key: string;
  files: Record<string, FileEntry>;
  group?: { contentHash: string; facts: Fact[]; findings: Finding[] };
}

export class FactCache {
  /** Why the cache could not be used (a read-only folder…); the run goes on without it. */
  problem: string | undefined;

  constructor(readonly dir: string | false) {}

  load(extractorId: string, key: string): CacheDoc {
    const empty: CacheDoc = { format: CACHE_FORMAT, key, files: {} };
    if (!this.dir) return empty;
    try {
      const doc = JSON.parse(fs.readFileSync(this.fileOf(extractorId), 'utf8')) as CacheDoc;
      return doc.format === CACHE_FORMAT && doc.key === key ? doc : empty;
    } catch {
      return empty;
    }
  }

  save(extractorId: string, doc: CacheDoc): void {
    if (!this.dir) return;
    const file = this.fileOf(extractorId);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(doc));
      fs.renameSync(tmp, file);
    } catch (e) {
      this.problem = `the fact cache in ${this.dir} could not be written (${(e as Error).message}); every run parses everything`;
      fs.rmSync(tmp, { force: true });
    }
  }

  private fileOf(extractorId: string): string {
    return path.join(this.dir as string, `${extractorId.replace(/[^a-z0-9_-]/gi, '_')}.json`);
  }
}
