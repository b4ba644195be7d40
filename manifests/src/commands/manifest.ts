import path from 'node:path';
import type { Verb, VerbContext } from '../../../core/src/cli/verb.js';
import { printFindings } from '../../../core/src/format-findings.js';
import type { CommandEntry, EventEntry, Manifests, Ref } from '../build/types.js';
import type { Change } from '../drift/compare.js';
import type { Committed } from '../project/committed.js';
import { isCutoverError } from '../../../core/src/errors.js';
import { COMMON_OPTIONS, display, prepare } from './shared.js';

export const manifestVerb: Verb = {
  name: 'manifest',
  summary: "Extract the app's command and event contract from its sources (Rust + TypeScript, never run)",
  description: `Reads the Rust command layer (tree-sitter), the sidecar router and the frontend (the TypeScript compiler's parser) and joins
them into commands.json and events.json: every command's params/result schema and every event's payload
schema, with who produces and consumes it. Without --update it prints them; with --update it writes them
(and types.d.ts) to manifests.out and says what changed. Commit the result: \`cutover drift\` compares
every pull request against it.`,
  options: {
    update: { type: 'boolean', description: 'Write commands.json, events.json and types.d.ts, and print what changed' },
    ...COMMON_OPTIONS,
  },
  examples: ['cutover manifest', 'cutover manifest --update', 'cutover manifest --json > contract.json'],
  async run(ctx) {
    const { renderJson } = await import('../build/manifest.js');
    const { compareManifests } = await import('../drift/compare.js');
    const { applyConfig } = await import('../project/check.js');
    const { readCommitted } = await import('../project/committed.js');
    const { writeManifests } = await import('../project/write.js');
    const { relocate } = await import('../report/output.js');
    const a = await prepare(ctx, 'manifest');
    const { out } = ctx;
    const extraction = applyConfig(a.findings, a.options);
    const findings = relocate(extraction, a.options.root);
    if (!ctx.values.update) {
      if (out.json) {
        out.printJson({ ok: true, commands: a.manifests.commands, events: a.manifests.events, findings: relocate(extraction, a.options.root, a.options.configDir) });
        return 0;
      }
      printSummary(ctx, a.manifests);
      if (findings.length) printFindings(out, findings, ctx.cwd);
      out.print(out.style.dim(`Run \`cutover manifest --update\` to write them to ${display(ctx, a.options.out)}.`));
      return 0;
    }
    let committed: Committed = {};
    try {
      committed = readCommitted(a.options.out);
    } catch (e) {
      if (!isCutoverError(e)) throw e;
      out.info(out.style.yellow(`cutover: the committed manifests could not be read (${e.message}); writing them anew`));
    }
    const same = committed.commands?.text === renderJson(a.manifests.commands) && committed.events?.text === renderJson(a.manifests.events);
    const changes: Change[] = committed.commands && committed.events && !same ? compareManifests({ commands: committed.commands.data, events: committed.events.data }, a.manifests) : [];
    const result = await writeManifests(a);
    if (out.json) {
      out.printJson({ ok: true, written: result.written.map((f) => path.relative(a.options.configDir, f)), unchanged: result.unchanged.map((f) => path.relative(a.options.configDir, f)), changes });
      return 0;
    }
    if (!committed.commands || !committed.events) out.print(`First manifests for this app: ${a.manifests.commands.commands.length} command(s), ${a.manifests.events.events.length} event(s).`);
    else if (changes.length === 0) out.print(result.written.length ? 'No contract change.' : out.style.green('Manifests are up to date.'));
    else {
      out.print(out.style.bold(`${changes.length} change(s):`));
      for (const ch of changes) out.print(`  ${label(ctx, ch.class)} ${ch.message}`);
      const breaking = changes.filter((c) => c.class === 'breaking').length;
      if (breaking) out.print(out.style.dim(`${breaking} breaking change(s) written without a recorded reason; \`cutover drift --accept <change> --reason "…"\` records why in history.json.`));
    }
    for (const f of result.written) out.print(`wrote ${display(ctx, f)}`);
    if (findings.length) printFindings(out, findings, ctx.cwd);
    return 0;
  },
};

export function label(ctx: VerbContext, cls: Change['class']): string {
  const s = ctx.out.style;
  return cls === 'breaking' ? s.red('breaking') : cls === 'additive' ? s.green('additive') : s.dim('metadata');
}

function printSummary(ctx: VerbContext, m: Manifests): void {
  const { out } = ctx;
  out.print(out.style.bold(`commands.json: ${m.commands.commands.length} command(s)`));
  for (const c of m.commands.commands) out.print(`  ${c.name}${c.tauriNames ? ` (Tauri: ${c.tauriNames.join(', ')})` : ''}  ${out.style.dim(sites(c))}`);
  out.print(out.style.bold(`events.json: ${m.events.events.length} event(s)`));
  for (const e of m.events.events) out.print(`  ${e.name}${e.frontendNames ? ` → ${e.frontendNames.join(', ')}` : ''}  ${out.style.dim(sites(e))}`);
  const unresolved = (m.commands.unresolved?.length ?? 0) + (m.events.unresolved?.length ?? 0);
  if (unresolved) out.print(out.style.yellow(`${unresolved} name(s) could not be resolved statically (listed below)`));
}

function sites(e: CommandEntry | EventEntry): string {
  const count = new Map<string, number>();
  for (const r of [...e.producers, ...e.consumers] as Ref[]) {
    const k = `${r.side} ${r.kind}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  return [...count.entries()].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(' · ');
}
