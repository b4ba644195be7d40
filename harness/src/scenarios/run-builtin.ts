import { TransportError } from '../../../core/src/errors.js';
import type { Finding } from '../../../core/src/findings.js';
import { capSeq, checkSeq } from '../checks/seq.js';
import { transportFor, type HarnessContext } from '../context.js';
import { finding, seqFindings } from '../report/to-findings.js';
import { Runner } from '../run/runner.js';
import type { BuiltinScenario } from './builtin.js';
import { resolveBuiltins } from './resolve.js';

/**
 * Runs one built-in scenario: every target it starts is ended afterwards whatever
 * happened, and every connection's event stream is held to the seq rule on the way.
 */
export interface BuiltinResult {
  findings: Finding[];
  /** It had nothing to observe: what happened, and what it would have needed. */
  inconclusive?: { why: string; needs: string };
}

export async function runBuiltin(ctx: HarnessContext, scenario: BuiltinScenario): Promise<BuiltinResult> {
  const b = resolveBuiltins(ctx.settings);
  const runners: Runner[] = [];
  const findings: Finding[] = [];
  let inconclusive: BuiltinResult['inconclusive'];
  const file = ctx.settings.configFile;
  ctx.onProgress(`built-in scenario ${scenario.name}`);
  try {
    await scenario.run({
      ctx,
      b,
      startNew: async () => {
        const transport = transportFor(ctx, 'new');
        const runner = new Runner({
          transport,
          profile: transport.settings.profile,
          timeouts: ctx.settings.timeouts,
          maxFrameBytes: ctx.settings.maxFrameBytes,
          source: `built-in scenario ${scenario.name}`,
          secret: ctx.secret,
          onProgress: () => {},
        });
        runners.push(runner);
        await runner.start();
        return runner;
      },
      report: (id, message, hint) => findings.push(finding(id, `${scenario.name}: ${message}`, { file, ...(hint ? { hint } : {}), data: { scenario: scenario.name } })),
      inconclusive: (why, needs) => {
        inconclusive ??= { why, needs };
      },
    });
  } catch (e) {
    // What the scenario found before the target failed still counts.
    if (e instanceof TransportError) (e as TransportError & { findings?: Finding[] }).findings = findings.map((f) => ctx.redactor.value(f));
    throw e;
  } finally {
    for (const r of runners) await r.stop();
  }
  for (const r of runners) findings.push(...seqFindings(capSeq(checkSeq(r.lines, r.transport.settings.profile)), file, `built-in scenario ${scenario.name}`));
  // A finding says more than "nothing to observe": only a scenario that found nothing is inconclusive.
  if (inconclusive && !findings.some((f) => f.severity === 'error')) {
    findings.push(finding('scenario-inconclusive', `${scenario.name} is inconclusive: ${inconclusive.why}`, { file, hint: `It would have needed ${inconclusive.needs}.`, data: { scenario: scenario.name, needs: inconclusive.needs } }));
    return { findings: findings.map((f) => ctx.redactor.value(f)), inconclusive };
  }
  return { findings: findings.map((f) => ctx.redactor.value(f)) };
}
