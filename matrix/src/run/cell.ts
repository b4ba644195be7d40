import fs from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../../../core/src/config/index.js';
import type { Redactor } from '../../../core/src/redact.js';
import { throwIfCancelled } from '../../../core/src/cancel.js';
import { CancelledError } from '../../../core/src/errors.js';
import { makeTempDir } from '../../../core/src/tmp.js';
import { checkKind } from '../checks/registry.js';
import type { CheckContext, CheckOutcome } from '../checks/types.js';
import type { Cell, MatrixFile } from '../matrix-file/types.js';
import { PlaceholderError, expandPlaceholders, expandPlaceholdersIn } from './placeholders.js';
import { TargetError, outputEnding, startTarget, type StartedTarget } from './target.js';

export interface CellRunOptions {
  matrix: MatrixFile;
  loaded: LoadedConfig;
  redactor: Redactor;
  /** The git work tree's root, shown as <repo> in outputs. */
  repoRoot?: string;
  progress(message: string): void;
}

/**
 * Runs one cell within its row's limit: a fresh temp dir, the target (if any) started for it
 * alone, the check, then everything stopped and removed. A check that throws becomes an `error`
 * outcome with the reason: one broken cell never stops the run or counts as a pass.
 */
export async function runCell(cell: Cell, opts: CellRunOptions): Promise<CheckOutcome & { durationMs: number }> {
  const started = performance.now();
  const limit = cell.row.timeoutMs;
  const deadline = Date.now() + limit;
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), limit);
  const tmp = await makeTempDir('cutover-cell-');
  let target: StartedTarget | undefined;
  // Machine paths differ on every run and every machine; reports and evidence show the cell's temp
  // dir as {{tmp}}, the matrix file's folder as {{root}} and the repository as <repo>, so they diff cleanly.
  const forms: Array<[string, string]> = [
    [tmp.path, '{{tmp}}'],
    [fs.realpathSync(tmp.path), '{{tmp}}'],
    [opts.matrix.dir, '{{root}}'],
    ...(opts.repoRoot ? ([[opts.repoRoot, '<repo>']] as Array<[string, string]>) : []),
  ];
  forms.sort((a, b) => b[0].length - a[0].length);
  const untmp = (s: string) => forms.reduce((acc, [from, to]) => acc.split(from).join(to), s);
  const done = (o: CheckOutcome) => ({
    ...o,
    message: untmp(o.message),
    runs: o.runs.map((r) => ({ ...r, command: untmp(r.command), output: untmp(r.output) })),
    findings: o.findings.map((f) => ({ ...f, message: untmp(f.message), ...(f.file ? { file: untmp(f.file) } : {}) })),
    durationMs: Math.round(performance.now() - started),
  });
  try {
    const vars = { tmp: tmp.path, os: cell.os, mode: cell.mode, root: opts.matrix.dir };
    let ready: unknown;
    const expand = (s: string) => expandPlaceholders(s, vars, ready);
    const expandShell = (s: string) => expandPlaceholders(s, vars, ready, true);
    const resolve = (s: string) => path.resolve(opts.matrix.dir, s);
    const kind = checkKind(cell.row.check.kind);
    if (!kind) return done({ status: 'error', message: `unknown check kind "${cell.row.check.kind}"`, runs: [], findings: [] });
    if (cell.row.target) {
      const spec = opts.matrix.targets[cell.row.target]!;
      opts.progress(`starting target ${cell.row.target}`);
      target = await startTarget(cell.row.target, spec, {
        cwd: resolve(spec.cwd ? expand(spec.cwd) : '.'),
        expand,
        resolve,
        redactor: opts.redactor,
        signal: ac.signal,
        limitMs: limit,
      });
      ready = target.ready;
    }
    const ctx: CheckContext = {
      cell,
      matrix: opts.matrix,
      loaded: opts.loaded,
      tmp: tmp.path,
      expand,
      expandShell,
      expandWith: (s, extra, shell = false) => expandPlaceholders(s, vars, ready, shell, extra),
      expandJson: (v, extra) => expandPlaceholdersIn(v, vars, ready, extra),
      resolve,
      redactor: opts.redactor,
      signal: ac.signal,
      remainingMs: () => Math.max(0, deadline - Date.now()),
      progress: opts.progress,
    };
    let outcome = await kind.run(cell.row.check, ctx);
    throwIfCancelled(`running ${cell.row.id}`);
    if (ac.signal.aborted && outcome.status === 'passed') {
      outcome = { ...outcome, status: 'error', message: `the row's limit of ${limit} ms was reached` };
    }
    if (target && !target.isRunning()) outcome = targetDied(outcome, cell.row.target!, target);
    else if (target && outcome.status !== 'passed') outcome = { ...outcome, message: `${outcome.message}${outputEnding(target.process, `target ${cell.row.target}'s`)}` };
    if (target) {
      const stopped = await target.stop();
      if (stopped.leftovers.length) outcome = { ...outcome, status: 'error', message: `${outcome.message}; target ${cell.row.target} left processes running after SIGKILL: ${stopped.leftovers.join(', ')}` };
    }
    return done(outcome);
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    const known = e instanceof PlaceholderError || e instanceof TargetError;
    const message = known ? (e as Error).message : `the check could not run: ${(e as Error).message ?? String(e)}`;
    return done({ status: 'error', message: opts.redactor.text(message), runs: [], findings: [] });
  } finally {
    clearTimeout(timer);
    try {
      await target?.stop();
    } finally {
      await tmp.remove();
    }
  }
}

/** A target that ended while its check ran: the check saw a dead target, whatever it concluded. */
function targetDied(outcome: CheckOutcome, name: string, target: StartedTarget): CheckOutcome {
  const how = target.spec.forks ? 'is no longer running (its daemon ended)' : target.process.describeExit();
  const why = `target ${name} ${how} during the check${outputEnding(target.process)}`;
  return outcome.status === 'passed' ? { ...outcome, status: 'error', message: why } : { ...outcome, message: `${outcome.message}; ${why}` };
}
