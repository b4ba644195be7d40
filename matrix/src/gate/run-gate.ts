import type { LoadedConfig } from '../../../core/src/config/index.js';
import { isCutoverError } from '../../../core/src/errors.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import { findingIds } from '../finding-ids.js';
import type { OsName } from '../matrix-file/types.js';
import { matrixSettings, type MatrixSettings } from '../settings.js';
import { countTasks, type TaskCounts } from './counts.js';
import { gateInputs, MissingApiError, type GateInputs } from './inputs.js';
import { rankReasons } from './rank.js';
import { reason } from './reason.js';
import { GATE_RULES } from './registry.js';
import { gateScope, headline, type GateScope } from './scope.js';
import type { GateContext, GateRule, Reason, RuleReport } from './types.js';
import { matrixView, signoffViews, taskViews, type MatrixView, type SignoffView, type TaskView } from './views.js';

export interface GateResult {
  verdict: 'PASS' | 'BLOCK';
  /** The verdict with what it covered: "PASS for linux only — macos, windows not run". */
  headline: string;
  scope: GateScope;
  /** Blocking reasons, ranked by impact. */
  reasons: Reason[];
  /** Shown, never blocking (too few latency samples, a listed path that does not exist). */
  warnings: Reason[];
  rules: RuleReport[];
  counts: TaskCounts;
  tasks: TaskView[] | undefined;
  matrix: MatrixView | undefined;
  signoffs: SignoffView[];
  name: string | undefined;
  config: string;
  generatedAt: string;
  durationMs: number;
}

export interface RunGateOptions {
  loaded: LoadedConfig;
  settings?: MatrixSettings;
  scopeOs?: OsName[];
  /** For tests: replace inputs (e.g. one that throws) and rules. */
  inputs?: GateInputs;
  rules?: readonly GateRule[];
}

/**
 * Runs every rule and returns the verdict. Fail closed: a rule that throws becomes a blocking
 * reason (`gate-input-unreadable` for an input it could not read or parse, `gate-internal-error`
 * otherwise), so nothing the gate could not evaluate ever counts as a pass.
 */
export async function runGate(opts: RunGateOptions): Promise<GateResult> {
  const started = performance.now();
  const settings = opts.settings ?? matrixSettings(opts.loaded);
  const ctx: GateContext = { loaded: opts.loaded, settings, scopeOs: opts.scopeOs, inputs: opts.inputs ?? gateInputs(opts.loaded, settings) };
  const all: Reason[] = [];
  const rules: RuleReport[] = [];
  for (const rule of opts.rules ?? GATE_RULES) {
    try {
      const outcome = await rule.run(ctx);
      const blocking = outcome.reasons.filter((r) => r.severity === 'error').length;
      all.push(...outcome.reasons);
      rules.push({
        id: rule.id,
        category: rule.category,
        status: outcome.skipped !== undefined ? 'skipped' : blocking ? 'blocked' : 'ok',
        ...(outcome.skipped !== undefined ? { note: outcome.skipped } : outcome.note !== undefined ? { note: outcome.note } : {}),
        blocking,
      });
    } catch (e) {
      const r = failClosed(rule, e, opts.loaded.dir);
      all.push(r);
      rules.push({ id: rule.id, category: rule.category, status: 'error', note: r.message, blocking: 1 });
    }
  }
  const ranked = rankReasons(all);
  const reasons = ranked.filter((r) => r.severity === 'error');
  const warnings = ranked.filter((r) => r.severity !== 'error');
  const tasks = await taskViews(ctx, all);
  const matrix = await matrixView(ctx, all);
  const verdict = reasons.length === 0 ? 'PASS' : 'BLOCK';
  const scope = gateScope(ctx, rules, matrix);
  return {
    verdict,
    headline: headline(verdict, scope),
    scope,
    reasons,
    warnings,
    rules,
    counts: countTasks(tasks ?? []),
    tasks,
    matrix,
    signoffs: await signoffViews(ctx),
    name: opts.loaded.config.name,
    config: toPosixRelative(process.cwd(), opts.loaded.file),
    generatedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
  };
}

function failClosed(rule: GateRule, e: unknown, root: string): Reason {
  if (isCutoverError(e) && e.code === 'config') {
    const details = e.details.length ? `: ${e.details.slice(0, 3).join('; ')}${e.details.length > 3 ? ` (+${e.details.length - 3} more)` : ''}` : '';
    return reason(rule.id, 'inputs', findingIds['gate-input-unreadable'].id, `${e.message}${details}`, {
      root,
      ...(e.location ? { file: e.location.file, ...(e.location.line !== undefined ? { line: e.location.line } : {}) } : {}),
      hint: e.hint ?? 'Fix the file so it reads and parses; the gate blocks until it does.',
    });
  }
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code === 'string' && typeof err.path === 'string') {
    return reason(rule.id, 'inputs', findingIds['gate-input-unreadable'].id, `cannot read ${toPosixRelative(root, err.path)} (${err.code})`, {
      root,
      file: err.path,
      hint: 'Make the file readable (or fix the path in the config); the gate blocks until it can read it.',
    });
  }
  const message = e instanceof MissingApiError ? e.message : `rule "${rule.id}" could not be evaluated: ${(e as Error)?.message ?? String(e)}`;
  return reason(rule.id, 'internal', findingIds['gate-internal-error'].id, message, {
    root,
    hint: 'The gate fails closed on this. Run with --debug for the stack, and report it if it is a bug in cutover.',
    data: { stack: (e as Error)?.stack?.split('\n').slice(0, 6).join('\n') },
  });
}
