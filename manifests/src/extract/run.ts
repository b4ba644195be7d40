/**
 * Runs every registered extractor over its source group, through the content-hash cache, and
 * gathers facts and findings. First each extractor's cache says what must be parsed again; then
 * that work runs, the sidecar group in a worker thread when there is other work to overlap it
 * with (the type checker is the slowest part, and machines have more than one core); then the
 * results go back into the cache. An extractor that throws is a bug in cutover (exit 3); a source
 * that does not parse is a finding and the run goes on.
 */
import type { Finding } from '../../../core/src/findings.js';
import { InternalError, isCutoverError } from '../../../core/src/errors.js';
import { cutoverVersion } from '../../../core/src/paths.js';
import type { ExtractResult, Extractor, Fact } from '../model.js';
import type { Group, ManifestOptions } from '../options.js';
import { aliasSources, type AliasSources } from './aliases.js';
import { FactCache, type CacheDoc, type FileEntry } from './cache.js';
import { DEP_ALL_FILES, DEP_FILE_LIST, isIncremental, type IncrementalContext, type IncrementalResult } from './incremental.js';
import { canOffload, runInWorker, type WorkerJob } from './offload.js';
import { readGroup, sha256, type GroupFiles } from './sources.js';
import { settleWrappers } from './wrappers.js';

export interface ExtractionStats {
  files: Record<Group, number>;
  /** Facts each group gave (names that could not be resolved count too). */
  facts: Record<Group, number>;
  /** Files (or groups, for extractors cached per group) each extractor had to parse. */
  extracted: Record<string, number>;
  cacheProblem?: string;
}

export interface Extraction {
  facts: Fact[];
  findings: Finding[];
  groups: Record<Group, GroupFiles>;
  stats: ExtractionStats;
}

const GROUPS: Group[] = ['rust', 'sidecar', 'frontend'];
/** The group worth a thread of its own: its schemas need the type checker. */
const OFFLOADED: Group = 'sidecar';

interface Job {
  ex: Extractor;
  g: GroupFiles;
  doc: CacheDoc;
  /** Incremental: the files to extract again (empty: all cached). Whole-group: undefined. */
  dirty?: Set<string>;
  /** Whole-group: whether the cached result is stale. */
  stale: boolean;
  /** Entries of deleted files were dropped from the cache document. */
  pruned?: boolean;
}

export async function runExtraction(opts: ManifestOptions, extractors: readonly Extractor[], onProgress?: (line: string) => void): Promise<Extraction> {
  const groups = Object.fromEntries(await Promise.all(GROUPS.map(async (g) => [g, await readGroup(opts, g)] as const))) as Record<Group, GroupFiles>;
  const cache = new FactCache(opts.cache);
  const optionsHash = sha256(JSON.stringify({ v: cutoverVersion(), rust: opts.rust, ts: opts.ts }));
  // A TypeScript group's import aliases decide what its names resolve through: part of its cache key.
  const aliases: Partial<Record<Group, AliasSources>> = {};
  for (const g of ['sidecar', 'frontend'] as const) if (groups[g].files.length) aliases[g] = aliasSources(opts.root, groups[g].files, opts.groups[g].paths);
  const keyOf = (g: Group) => (aliases[g] ? sha256(`${optionsHash}:${JSON.stringify(aliases[g])}`) : optionsHash);
  const jobs = extractors.filter((ex) => groups[ex.group].files.length > 0).map((ex) => plan(ex, groups[ex.group], cache, keyOf(ex.group), opts.schemas));
  const todo = jobs.filter((j) => j.stale || (j.dirty?.size ?? 0) > 0);

  // The same context object per group: extractors of one group share their parse through it.
  const contexts = new Map<Group, IncrementalContext>();
  const ctxOf = (g: Group): IncrementalContext => {
    let ctx = contexts.get(g);
    if (!ctx) contexts.set(g, (ctx = { root: opts.root, files: groups[g].files, rust: opts.rust, ts: opts.ts, schemas: opts.schemas, ...(aliases[g] ? { aliases: aliases[g] } : {}) }));
    return ctx;
  };
  const offload = canOffload() && todo.some((j) => j.ex.group === OFFLOADED) && todo.some((j) => j.ex.group !== OFFLOADED);
  const remote = offload ? todo.filter((j) => j.ex.group === OFFLOADED) : [];
  const remoteDone = remote.length
    ? runInWorker(
        { root: opts.root, rust: opts.rust, ts: opts.ts, schemas: opts.schemas, aliases: aliases[OFFLOADED], files: groups[OFFLOADED].files.map(({ path, rel, text }) => ({ path, rel, text })) },
        remote.map((j): WorkerJob => ({ id: j.ex.id, only: j.dirty ? [...j.dirty] : undefined })),
      )
    : Promise.resolve(new Map<string, ExtractResult>());
  for (const j of remote) onProgress?.(`${j.ex.id}: extracting ${j.dirty?.size ?? j.g.files.length} ${j.g.group} file(s) in a worker thread`);

  const results = new Map<string, ExtractResult>();
  let failure: unknown;
  try {
    for (const j of todo) {
      if (remote.includes(j)) continue;
      onProgress?.(`${j.ex.id}: extracting ${j.dirty?.size ?? j.g.files.length} of ${j.g.files.length} ${j.g.group} file(s)`);
      const ctx = ctxOf(j.ex.group);
      results.set(j.ex.id, await guarded(j.ex, () => j.ex.extract(j.dirty ? { ...ctx, only: j.dirty } : ctx)));
    }
  } catch (e) {
    failure = e;
  }
  // The worker is always waited for, so it never outlives the run; the first failure wins.
  try {
    for (const [id, r] of await remoteDone) results.set(id, r);
  } catch (e) {
    failure ??= e;
  }
  if (failure !== undefined) throw failure;

  const facts: Fact[] = [];
  const findings: Finding[] = [];
  const stats: ExtractionStats = {
    files: { rust: groups.rust.files.length, sidecar: groups.sidecar.files.length, frontend: groups.frontend.files.length },
    facts: { rust: 0, sidecar: 0, frontend: 0 },
    extracted: {},
  };
  for (const j of jobs) {
    const res = results.get(j.ex.id);
    const out = j.dirty ? applyIncremental(j, res as IncrementalResult | undefined) : applyWhole(j, res);
    stats.extracted[j.ex.id] = res ? (j.dirty?.size ?? j.g.files.length) : 0;
    if (res || j.pruned) cache.save(j.ex.id, j.doc);
    facts.push(...out.facts);
    findings.push(...out.findings);
    stats.facts[j.ex.group] += out.facts.length;
  }
  if (cache.problem) stats.cacheProblem = cache.problem;
  return { facts: settleWrappers(facts), findings: dedupe(findings), groups, stats };
}

function plan(ex: Extractor, g: GroupFiles, cache: FactCache, optionsHash: string, schemas: boolean): Job {
  const schemaPart = isIncremental(ex) && !ex.usesSchemas ? '' : `:${schemas}`;
  const doc = cache.load(ex.id, sha256(`${optionsHash}:${ex.id}${schemaPart}`));
  if (!isIncremental(ex)) return { ex, g, doc, stale: doc.group?.contentHash !== g.contentHash };
  const hashes = new Map(g.files.map((f) => [f.rel, f.hash]));
  const fresh = (rel: string, hash: string): boolean => {
    const e = doc.files[rel];
    return e !== undefined && e.hash === hash && Object.entries(e.deps).every(([d, h]) => current(g, hashes, d) === h);
  };
  const gone = Object.keys(doc.files).filter((rel) => !hashes.has(rel));
  for (const rel of gone) delete doc.files[rel];
  return { ex, g, doc, stale: false, pruned: gone.length > 0, dirty: new Set(g.files.filter((f) => !fresh(f.rel, f.hash)).map((f) => f.rel)) };
}

function current(g: GroupFiles, hashes: Map<string, string>, dep: string): string | null {
  return dep === DEP_FILE_LIST ? g.listHash : dep === DEP_ALL_FILES ? g.contentHash : (hashes.get(dep) ?? null);
}

interface Out {
  facts: Fact[];
  findings: Finding[];
}

function applyIncremental(j: Job, res: IncrementalResult | undefined): Out {
  const { g, doc } = j;
  if (res) {
    const hashes = new Map(g.files.map((f) => [f.rel, f.hash]));
    const entries = new Map<string, FileEntry>();
    for (const rel of j.dirty ?? []) {
      const deps: Record<string, string | null> = {};
      for (const d of res.dependencies[rel] ?? []) deps[d] = current(g, hashes, d);
      entries.set(rel, { hash: hashes.get(rel)!, deps, facts: [], findings: [] });
    }
    for (const f of res.facts) entries.get(f.loc.file)?.facts.push(f);
    for (const f of res.findings) (f.file !== undefined ? entries.get(f.file) : undefined)?.findings.push(f);
    for (const [rel, e] of entries) doc.files[rel] = e;
  }
  const out: Out = { facts: [], findings: [] };
  for (const f of g.files) {
    const e = doc.files[f.rel];
    if (!e) continue;
    out.facts.push(...e.facts);
    out.findings.push(...e.findings);
  }
  return out;
}

function applyWhole(j: Job, res: ExtractResult | undefined): Out {
  if (res) {
    j.doc.group = { contentHash: j.g.contentHash, facts: res.facts, findings: res.findings };
    j.doc.files = {};
  }
  return { facts: j.doc.group?.facts ?? [], findings: j.doc.group?.findings ?? [] };
}

async function guarded<T>(ex: Extractor, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isCutoverError(e)) throw e;
    throw new InternalError(`extractor ${ex.id} failed: ${(e as Error).message}`, {
      hint: 'This is a bug in cutover; run with --debug for the stack trace and report it with the file that triggers it.',
      cause: e,
    });
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.id}\0${f.file ?? ''}\0${f.line ?? ''}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
