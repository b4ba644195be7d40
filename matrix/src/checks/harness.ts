import type { LoadedConfig } from '../../../core/src/config/index.js';
import type { Finding } from '../../../core/src/findings.js';
import { CancelledError, isCutoverError } from '../../../core/src/errors.js';
import type { CheckKind } from './types.js';

export interface HarnessSpec {
  kind: 'harness';
  traces?: string[] | 'all';
  scenarios?: string[] | 'all';
}

/** The contract `cutover/harness` exports (see CONTRIBUTING.md, "Contracts between pillars"). */
interface HarnessApi {
  runHarness(opts: {
    loaded: LoadedConfig;
    traces?: string[] | 'all';
    scenarios?: string[] | 'all';
    onProgress?: (message: string) => void;
  }): Promise<{ ok: boolean; findings: Finding[]; summary: unknown; durationMs: number; targetError?: Error; units?: Array<{ status: string; name?: string; reason?: string }> }>;
}

async function loadHarness(): Promise<HarnessApi | undefined> {
  const mod = (await import('../../../harness/src/index.js')) as unknown as Partial<HarnessApi>;
  return typeof mod.runHarness === 'function' ? (mod as HarnessApi) : undefined;
}

const list = (v: string[] | 'all') => (v === 'all' ? 'all' : v.join(', '));

function summaryText(summary: unknown): string {
  if (typeof summary === 'string') return summary;
  return JSON.stringify(summary, null, 2) ?? '';
}

export const harnessCheck: CheckKind<HarnessSpec> = {
  kind: 'harness',
  description: 'Replays golden traces and/or runs built-in scenarios through the harness pillar against the configured targets.',
  schema: {
    title: 'HarnessCheck',
    // kind plus traces, scenarios or both
    minProperties: 2,
    properties: {
      traces: {
        description: 'Golden traces to replay: "all" (every configured trace), trace names, or .jsonl paths relative to the matrix file.',
        anyOf: [{ const: 'all' }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
      },
      scenarios: {
        description: 'Built-in scenarios to run: "all" or their names.',
        anyOf: [{ const: 'all' }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
      },
    },
  },
  describe: (spec) =>
    [spec.traces ? `replay ${list(spec.traces)}` : '', spec.scenarios ? `scenarios ${list(spec.scenarios)}` : ''].filter(Boolean).join('; '),
  async run(spec, ctx) {
    const api = await loadHarness();
    const command = `cutover harness ${harnessCheck.describe(spec)}`;
    if (!api) {
      return { status: 'error', message: 'this build of cutover has no harness (runHarness is not exported by cutover/harness)', runs: [], findings: [] };
    }
    const started = performance.now();
    try {
      const result = await api.runHarness({
        loaded: ctx.loaded,
        // A path (it has a slash or the trace extension) resolves from the matrix file; a name goes as written.
        ...(spec.traces ? { traces: spec.traces === 'all' ? 'all' : spec.traces.map((t) => (/[\\/]|\.jsonl$/.test(t) ? ctx.resolve(ctx.expand(t)) : t)) } : {}),
        ...(spec.scenarios ? { scenarios: spec.scenarios } : {}),
        onProgress: (m) => ctx.progress(m),
      });
      if (result.targetError) {
        const run = { command, exitCode: null, durationMs: Math.round(result.durationMs), output: ctx.redactor.text(summaryText(result.summary)), passed: false };
        return { status: 'error', message: ctx.redactor.text(`a harness target failed: ${result.targetError.message}`), runs: [run], findings: ctx.redactor.value(result.findings) };
      }
      const ran = result.units?.filter((u) => u.status !== 'skipped').length;
      if (ran === 0) {
        // Nothing replayed and no scenario run proves nothing: never a pass.
        const run = { command, exitCode: null, durationMs: Math.round(result.durationMs), output: ctx.redactor.text(summaryText(result.summary)), passed: false };
        return { status: 'error', message: 'the harness ran no trace and no scenario (is the harness section of the config set up, and are there traces?)', runs: [run], findings: ctx.redactor.value(result.findings) };
      }
      const errors = result.findings.filter((f) => f.severity === 'error');
      const output = ctx.redactor.text(summaryText(result.summary));
      // Nothing to observe is not a pass: with no error, a unit that was inconclusive makes the cell so.
      const inconclusive = result.units?.filter((u) => u.status === 'inconclusive') ?? [];
      if (errors.length === 0 && inconclusive.length) {
        const run = { command, exitCode: 1, durationMs: Math.round(result.durationMs), output, passed: false };
        const why = inconclusive.map((u) => `${u.name ?? 'a scenario'} (${u.reason ?? 'nothing to observe'})`).join('; ');
        return { status: 'inconclusive', message: ctx.redactor.text(`harness: ${inconclusive.length} check(s) had nothing to observe: ${why}`), runs: [run], findings: ctx.redactor.value(result.findings) };
      }
      const passed = result.ok && errors.length === 0;
      const run = { command, exitCode: passed ? 0 : 1, durationMs: Math.round(result.durationMs), output, passed };
      return {
        status: passed ? 'passed' : 'failed',
        message: passed ? `harness passed in ${Math.round(result.durationMs)} ms` : `harness reported ${errors.length} error finding(s)${errors[0] ? `: ${errors[0].message}` : ''}`,
        runs: [run],
        findings: ctx.redactor.value(result.findings),
      };
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      const message = isCutoverError(e) ? `${e.message}${e.hint ? ` (${e.hint})` : ''}` : (e as Error).message;
      const run = { command, exitCode: null, durationMs: Math.round(performance.now() - started), output: ctx.redactor.text(message), passed: false };
      return { status: 'error', message: ctx.redactor.text(`the harness could not run: ${message}`), runs: [run], findings: [] };
    }
  },
};
