import fs from 'node:fs';
import { findingIds } from '../finding-ids.js';
import { describeRun, displayCommand, runToEnd } from '../../../core/src/process/run.js';
import { DEFAULT_PROFILE } from '../../../harness/src/profiles/registry.js';
import { ProfileClient } from './support/profile-client.js';
import { percentile, round2 } from './support/percentile.js';
import type { CheckContext, CheckKind, CheckOutcome } from './types.js';

interface CommandMeasure {
  command: string | string[];
  cwd?: string;
  env?: Record<string, string>;
}

interface RequestMeasure {
  endpoint: string;
  profile?: string;
  command: string;
  params?: Record<string, unknown>;
  tokenFile?: string;
  tokenField?: string;
  requestTimeoutMs?: number;
}

export interface LatencySpec {
  kind: 'latency';
  samples?: number;
  warmup?: number;
  minSamples?: number;
  budget: { p50Ms?: number; p95Ms?: number };
  measure: { command?: CommandMeasure; request?: RequestMeasure };
}

/** One timed attempt: its duration, or why it did not count. */
type Sample = { ok: true; ms: number } | { ok: false; why: string };

interface Sampler {
  label: string;
  take(): Promise<Sample>;
  close(): void;
}

// Stop sampling this close to the row's limit, so the outcome is still reported.
const LIMIT_MARGIN_MS = 500;

export const latencyCheck: CheckKind<LatencySpec> = {
  kind: 'latency',
  description: 'Runs a command or a real request round trip N times and compares p50/p95 with a budget; warns when too few samples.',
  schema: {
    title: 'LatencyCheck',
    required: ['budget', 'measure'],
    properties: {
      samples: { type: 'integer', minimum: 1, description: 'Measured samples (default 30).' },
      warmup: { type: 'integer', minimum: 0, description: 'Unmeasured runs before sampling (default 2).' },
      minSamples: { type: 'integer', minimum: 1, description: 'Below this many samples the percentiles are reported with a warning (default 20).' },
      budget: {
        type: 'object',
        title: 'LatencyBudget',
        description: 'Upper bounds in milliseconds; at least one.',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          p50Ms: { type: 'number', exclusiveMinimum: 0, description: 'Median must not exceed this.' },
          p95Ms: { type: 'number', exclusiveMinimum: 0, description: '95th percentile must not exceed this.' },
        },
      },
      measure: {
        type: 'object',
        title: 'LatencyMeasure',
        description: 'What one sample is: a command run, or a request over a socket (exactly one).',
        additionalProperties: false,
        minProperties: 1,
        maxProperties: 1,
        properties: {
          command: {
            type: 'object',
            title: 'LatencyCommand',
            description: 'Times a whole command run.',
            additionalProperties: false,
            required: ['command'],
            properties: {
              command: { description: 'Shell line or argv.', anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
              cwd: { type: 'string', description: 'Working directory, relative to the matrix file.' },
              env: { type: 'object', description: 'Extra environment variables.', additionalProperties: { type: 'string' } },
            },
          },
          request: {
            type: 'object',
            title: 'LatencyRequest',
            description: 'Times a request/answer round trip on one connection, in a harness protocol profile.',
            additionalProperties: false,
            required: ['endpoint', 'command'],
            properties: {
              endpoint: { type: 'string', description: 'Unix socket path, Windows pipe, or tcp://127.0.0.1:PORT (placeholders allowed, e.g. {{ready.data.socket}}).' },
              profile: {
                type: 'string',
                description: 'The protocol profile that builds the request and reads the answer: cowork-ndjson (default), jsonrpc-ndjson, jsonrpc-content-length, control-socket ({"cmd": …} → {"ok": …}, no ids: one request at a time).',
              },
              command: { type: 'string', minLength: 1, description: 'The command (or JSON-RPC method, or control-socket cmd) to send.' },
              params: { type: 'object', description: 'Its parameters (control-socket: fields beside cmd).' },
              tokenFile: { type: 'string', description: 'File holding the auth token; its value is sent and never written anywhere.' },
              tokenField: { type: 'string', description: 'Request field that carries the token (default authToken).' },
              requestTimeoutMs: { type: 'integer', minimum: 1, description: 'Limit for one round trip (default 5000).' },
            },
          },
        },
      },
    },
  },
  describe(spec) {
    const n = spec.samples ?? 30;
    if (spec.measure.request) return `${n} × request ${spec.measure.request.command} over ${spec.measure.request.endpoint}`;
    return `${n} × ${displayCommand(spec.measure.command?.command ?? '')}`;
  },
  async run(spec, ctx) {
    const sampler = spec.measure.request ? await requestSampler(spec.measure.request, ctx) : commandSampler(spec.measure.command!, ctx);
    try {
      return await measure(spec, sampler, ctx);
    } finally {
      sampler.close();
    }
  },
};

async function measure(spec: LatencySpec, sampler: Sampler, ctx: CheckContext): Promise<CheckOutcome> {
  const wanted = spec.samples ?? 30;
  const minSamples = spec.minSamples ?? 20;
  const samples: number[] = [];
  let stoppedEarly = false;
  for (let i = 0; i < (spec.warmup ?? 2) + wanted; i++) {
    if (ctx.signal.aborted || ctx.remainingMs() < LIMIT_MARGIN_MS) {
      stoppedEarly = true;
      break;
    }
    const s = await sampler.take();
    if (!s.ok) {
      const run = { command: sampler.label, exitCode: null, durationMs: round2(samples.reduce((a, b) => a + b, 0)), output: s.why, passed: false };
      return { status: 'failed', message: `sample ${i + 1} failed: ${s.why}`, runs: [run], findings: [] };
    }
    if (i >= (spec.warmup ?? 2)) samples.push(s.ms);
    if (samples.length % 10 === 0 && samples.length) ctx.progress(`${samples.length}/${wanted} samples`);
  }
  if (samples.length === 0) {
    return { status: 'error', message: 'no sample was taken before the row\'s time limit', runs: [], findings: [] };
  }
  const p50 = round2(percentile(samples, 50));
  const p95 = round2(percentile(samples, 95));
  const over: string[] = [];
  if (spec.budget.p50Ms !== undefined && p50 > spec.budget.p50Ms) over.push(`p50 ${p50} ms > ${spec.budget.p50Ms} ms`);
  if (spec.budget.p95Ms !== undefined && p95 > spec.budget.p95Ms) over.push(`p95 ${p95} ms > ${spec.budget.p95Ms} ms`);
  const findings = [];
  if (samples.length < minSamples) {
    findings.push({
      id: findingIds['matrix-too-few-samples'].id,
      severity: 'warning' as const,
      message: `only ${samples.length} sample(s) (${minSamples} wanted)${stoppedEarly ? ': the row\'s time limit was reached' : ''}; p95 of so few means little`,
      hint: 'Raise `samples` (and the row\'s timeoutMs if it stopped early).',
    });
  }
  const budget = `${spec.budget.p50Ms !== undefined ? ` p50 ≤ ${spec.budget.p50Ms} ms` : ''}${spec.budget.p95Ms !== undefined ? ` p95 ≤ ${spec.budget.p95Ms} ms` : ''}`;
  const summary = `p50 ${p50} ms, p95 ${p95} ms over ${samples.length} samples (min ${round2(Math.min(...samples))}, max ${round2(Math.max(...samples))}); budget${budget}`;
  const passed = over.length === 0;
  // The run's output goes into committed evidence, which identical runs must leave as it is: a pass
  // says so against the budget, and the figures, which differ every run, stay in the report.
  const limits = [spec.budget.p50Ms !== undefined ? `p50 at most ${spec.budget.p50Ms}` : '', spec.budget.p95Ms !== undefined ? `p95 at most ${spec.budget.p95Ms}` : ''].filter(Boolean).join(', ');
  const output = passed ? `within the budget (${limits} milliseconds) over ${samples.length} samples; the measured p50 and p95 are in the matrix report (metrics p50Ms, p95Ms)` : summary;
  const run = { command: sampler.label, exitCode: passed ? 0 : 1, durationMs: round2(samples.reduce((a, b) => a + b, 0)), output, passed };
  const metrics: Record<string, number> = { samples: samples.length, p50Ms: p50, p95Ms: p95 };
  if (spec.budget.p50Ms !== undefined) metrics.budgetP50Ms = spec.budget.p50Ms;
  if (spec.budget.p95Ms !== undefined) metrics.budgetP95Ms = spec.budget.p95Ms;
  return { status: passed ? 'passed' : 'failed', message: passed ? summary : `over budget: ${over.join('; ')}`, runs: [run], findings, metrics };
}

function commandSampler(m: CommandMeasure, ctx: CheckContext): Sampler {
  const command = typeof m.command === 'string' ? ctx.expandShell(m.command) : m.command.map(ctx.expand);
  const label = displayCommand(command);
  return {
    label: ctx.redactor.text(label),
    async take() {
      const limit = ctx.remainingMs();
      const r = await runToEnd({ command, cwd: ctx.resolve(m.cwd ? ctx.expand(m.cwd) : '.'), env: m.env ?? {}, timeoutMs: limit, signal: ctx.signal, redactor: ctx.redactor });
      if (r.exitCode === 0) return { ok: true, ms: r.durationMs };
      return { ok: false, why: ctx.redactor.text(describeRun(r, limit, label)) };
    },
    close() {},
  };
}

async function requestSampler(m: RequestMeasure, ctx: CheckContext): Promise<Sampler> {
  const endpoint = ctx.expand(m.endpoint);
  let token: string | undefined;
  if (m.tokenFile) {
    const file = ctx.resolve(ctx.expand(m.tokenFile));
    token = fs.readFileSync(file, 'utf8').trim();
    ctx.redactor.addSecret(token);
  }
  const client = await ProfileClient.connect(endpoint, m.profile ?? DEFAULT_PROFILE, Math.min(10_000, ctx.remainingMs()));
  const extra = token !== undefined ? { [m.tokenField ?? 'authToken']: token } : {};
  return {
    label: `request ${m.command} over ${endpoint}${m.profile ? ` (${m.profile})` : ''}`,
    async take() {
      const started = performance.now();
      try {
        const answer = await client.request(m.command, m.params, Math.min(m.requestTimeoutMs ?? 5_000, Math.max(1, ctx.remainingMs())), extra);
        const ms = performance.now() - started;
        if (!answer.ok) return { ok: false, why: ctx.redactor.text(`the answer says it failed (${String(answer.msg.error ?? 'no error text')})`) };
        return { ok: true, ms };
      } catch (e) {
        return { ok: false, why: ctx.redactor.text((e as Error).message) };
      }
    },
    close: () => client.close(),
  };
}
