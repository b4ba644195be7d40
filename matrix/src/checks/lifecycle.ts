import { CancelledError } from '../../../core/src/errors.js';
import type { Finding } from '../../../core/src/findings.js';
import { PlaceholderError } from '../../../core/src/placeholders.js';
import { findingIds } from '../finding-ids.js';
import type { LogMatch } from './lifecycle/log.js';
import { STEP_KINDS, stepOf } from './lifecycle/registry.js';
import { LifecycleSession, TargetDied } from './lifecycle/session.js';
import { StepFailed, type LifecycleSpec } from './lifecycle/types.js';
import { validateLifecycle } from './lifecycle/validate.js';
import type { CheckKind, CheckOutcome, RunRecord } from './types.js';

export type { LifecycleSpec };

/** Log files the steps read, so each start can note where its own lines begin. */
function logFiles(spec: LifecycleSpec): string[] {
  const out = new Set<string>();
  for (const step of spec.steps) {
    const s = stepOf(step);
    const v = s?.value as { file?: string; log?: LogMatch; pattern?: string } | undefined;
    if (!v || typeof v !== 'object') continue;
    if (v.log?.file !== undefined) out.add(v.log.file);
    if (s!.kind.key === 'expectLog' && v.file !== undefined) out.add(v.file);
  }
  return [...out];
}

export const lifecycleCheck: CheckKind<LifecycleSpec> = {
  kind: 'lifecycle',
  description:
    'Declarative lifecycle steps, each with a bounded wait and a failure message naming the step and showing the target\'s last output lines: start, ready, request, signal, expectExit, expectFile, expectLog, expectPidFile, restart, expectSame, stop, killWhen, stale, run. A target that ends when no step expected it fails the check.',
  schema: {
    title: 'LifecycleCheck',
    required: ['steps'],
    properties: {
      steps: {
        type: 'array',
        minItems: 1,
        description: 'The steps, in order; each is one action: { start: daemon }, { signal: TERM }, { expectExit: { code: 0 } } …',
        items: {
          type: 'object',
          title: 'LifecycleStep',
          additionalProperties: false,
          minProperties: 1,
          maxProperties: 1,
          properties: Object.fromEntries(STEP_KINDS.map((k) => [k.key, { ...k.schema, description: k.description }])),
        },
      },
      endpoint: { type: 'string', description: 'Where request, expectSame and ready.request connect: a Unix socket path, \\\\.\\pipe\\NAME or tcp://127.0.0.1:PORT (placeholders allowed).' },
      profile: { type: 'string', description: 'The harness protocol profile requests speak: cowork-ndjson (default), jsonrpc-ndjson, jsonrpc-content-length, control-socket.' },
      token: {
        type: 'object',
        title: 'LifecycleToken',
        additionalProperties: false,
        required: ['file'],
        description: 'An auth token sent with every request, read from its file at each request (never written anywhere).',
        properties: {
          file: { type: 'string', description: 'The token file (placeholders allowed).' },
          field: { type: 'string', description: 'The request field that carries it (default authToken).' },
        },
      },
      stepTimeoutMs: { type: 'integer', minimum: 1, description: 'The bound of every step that gives no withinMs of its own, in ms (default 10000).' },
    },
  },
  validate: validateLifecycle,
  describe: (spec) => spec.steps.map((s) => stepOf(s)?.kind.describe(stepOf(s)!.value) ?? Object.keys(s)[0]).join(' → '),
  async run(spec, ctx): Promise<CheckOutcome> {
    const session = new LifecycleSession(spec, ctx, logFiles(spec));
    const total = spec.steps.length;
    // One run record for the whole check: a line per step, so the evidence reads as the story it is.
    const lines: string[] = [];
    const started = performance.now();
    let failed: { at: number; key: string; error: StepFailed; short?: string } | undefined;
    try {
      for (const [i, step] of spec.steps.entries()) {
        const { kind, value } = stepOf(step)!;
        const label = `${i + 1}/${total} ${kind.describe(value)}`;
        ctx.progress(`step ${label}`);
        try {
          session.checkAlive(`before step ${i + 1} (${kind.key})`);
          const detail = await kind.run(value, { index: i + 1, total, session, ctx });
          lines.push(`${label}: ${detail}`);
        } catch (e) {
          const error = asStepFailure(e);
          const ending = /output ends with:/.test(error.message) ? '' : session.outputEnding(kind.targetOf?.(value));
          const message = ctx.redactor.text(`${error.message}${ending}`);
          lines.push(`${label}: FAILED: ${message}`);
          if (i + 1 < total) lines.push(`not run: step${i + 2 < total ? `s ${i + 2}-${total}` : ` ${total}`}`);
          failed = { at: i + 1, key: kind.key, error: Object.assign(error, { message }), short: ctx.redactor.text(error.message.split('\n')[0]!.replace(/;[^;]*output ends with:$/, '')) };
          break;
        }
      }
      if (!failed) {
        try {
          session.checkAlive('after the last step');
        } catch (e) {
          failed = { at: total, key: 'end', error: asStepFailure(e) };
          lines.push(`after the last step: FAILED: ${failed.error.message}`);
        }
      }
    } finally {
      const left = await session.close();
      if (left.length && !failed) {
        failed = { at: total, key: 'end', error: new StepFailed(left.join('; '), 'error') };
        lines.push(`after the last step: FAILED: ${failed.error.message}`);
      }
    }
    const run: RunRecord = {
      command: `lifecycle: ${lifecycleCheck.describe(spec)}`,
      exitCode: failed ? (failed.error.status === 'error' ? null : 1) : 0,
      durationMs: Math.round(performance.now() - started),
      output: ctx.redactor.text(lines.join('\n')),
      passed: !failed,
    };
    if (!failed) return { status: 'passed', message: `all ${total} steps held`, runs: [run], findings: [] };
    const where = failed.key === 'end' ? 'after the last step' : `step ${failed.at}/${total} (${failed.key})`;
    const finding: Finding = {
      id: (failed.error instanceof TargetDied ? findingIds['lifecycle-target-died'] : findingIds['lifecycle-step-failed']).id,
      severity: 'error',
      message: `${where}: ${failed.short ?? failed.error.message.split('\n')[0]}`,
      data: { step: failed.at, kind: failed.key },
    };
    return { status: failed.error.status, message: `${where} failed: ${failed.error.message}`, runs: [run], findings: [finding] };
  },
};

function asStepFailure(e: unknown): StepFailed {
  if (e instanceof CancelledError) throw e;
  if (e instanceof StepFailed) return e;
  if (e instanceof PlaceholderError) return new StepFailed(e.message, 'error');
  return new StepFailed(`the step could not run: ${(e as Error).message ?? String(e)}`, 'error');
}
