import path from 'node:path';
import type { Verb, VerbContext } from '../../../core/src/cli/verb.js';
import { UsageError } from '../../../core/src/errors.js';
import type { Detection } from '../model.js';
import type { PlannedFile } from '../render/files.js';

export const initVerb: Verb = {
  name: 'init',
  summary: 'Read this repository and write a cutover.config.ts, a starter matrix, runbook and sign-off file',
  description: `Finds the Tauri app(s) (v1 or v2), the crates that depend on tauri and where generate_handler![…] lives
(also in plugin crates), the frontend folders (every file that imports @tauri-apps/…, and the packages that
use those, through names, paths or tsconfig/vite aliases), and a Node sidecar (the package that reads
requests from stdin: its handler registrar, router and event emitter, by looking at its code). Then it
shows what it found and the files it would write, and asks. --yes writes without asking; without a
terminal and without --yes it writes nothing and says so. An existing file is never replaced without --force.`,
  positionals: [{ name: 'dir', description: 'The repository to read (default: the working directory)' }],
  options: {
    yes: { type: 'boolean', short: 'y', description: 'Write the files without asking' },
    force: { type: 'boolean', description: 'Replace files that exist (never without it)' },
  },
  examples: ['cutover init', 'cutover init --yes', 'cutover init ../my-app --yes --json'],
  async run(ctx) {
    const { detect } = await import('../detect.js');
    const { planFiles, writePlanned } = await import('../render/files.js');
    const root = path.resolve(ctx.cwd, ctx.positionals[0] ?? '.');
    const { existsSync, statSync } = await import('node:fs');
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`cutover init: ${root} is not a folder`);
    const { startProgress } = await import('../../../core/src/progress.js');
    const progress = startProgress(ctx.out, 'cutover init', { env: ctx.env });
    const d = await detect(root, (step) => {
      progress.step(step);
      ctx.out.info(ctx.out.style.dim(`cutover init: ${step}`));
    }).finally(() => progress.stop());
    const plan = planFiles(d, ctx.values.force === true);
    const yes = ctx.values.yes === true;
    const ask = !yes && !ctx.out.json && process.stdin.isTTY === true && (ctx.out.stdout as { isTTY?: boolean }).isTTY === true;
    if (!ctx.out.json) printFound(ctx, d, plan);
    let write = yes;
    if (ask) write = await confirm(ctx, plan);
    const written = write ? writePlanned(root, plan) : [];
    if (ctx.out.json) {
      const { root: _root, ...found } = d;
      ctx.out.printJson({ ok: true, written, found, files: plan.map(({ text: _t, ...f }) => f) });
      return 0;
    }
    const { out } = ctx;
    if (!write) {
      out.print(ask ? 'Nothing written.' : 'Nothing written: this is not a terminal and --yes was not given. Run `cutover init --yes` to write the files.');
      return 0;
    }
    for (const f of written) out.print(`wrote ${f}`);
    if (!written.length) out.print('Nothing written: every file exists (--force replaces them).');
    out.print('');
    out.print('Next:');
    out.print('  npx cutover check                    # producers against consumers, in the sources');
    out.print('  npx cutover check --update-baseline  # accept what is there today; later runs fail only on new findings');
    out.print('  npx cutover manifest --update        # write manifests/ and commit it: `cutover drift` guards it in CI');
    out.print('  and add .cutover/ to .gitignore      # matrix reports and the dashboard are written there');
    return 0;
  },
};

function printFound(ctx: VerbContext, d: Detection, plan: readonly PlannedFile[]): void {
  const { out } = ctx;
  const s = out.style;
  out.print(s.bold(`cutover init: ${d.name} (${path.relative(ctx.cwd, d.root) || '.'})`));
  for (const a of d.apps) out.print(`  Tauri ${a.major ?? '?'} app in ${a.dir}/${a.majorFrom ? s.dim(` (${a.majorFrom})`) : ''}`);
  if (!d.apps.length) out.print(s.yellow('  no tauri.conf.json found'));
  out.print(`  Rust: ${d.rustGlobs.length} crate(s) depend on tauri: ${d.rustGlobs.join(', ') || s.yellow('none')}`);
  for (const h of d.handlers) out.print(`    generate_handler![…] ${h.file}:${h.line}, ${h.commands} command(s)${h.plugin ? `, plugin "${h.plugin}"` : ''}`);
  for (const f of d.forwards.slice(0, 1)) out.print(`    forwards to the sidecar with ${f.name}(…): ${f.calls} call(s)`);
  out.print(`  frontend: ${d.frontend.length ? d.frontend.map((f) => f.glob).join(', ') : s.yellow('no file imports @tauri-apps/… or uses window.__TAURI__')}`);
  for (const w of d.memberWrappers) out.print(`    ${w.name}(…) wraps Tauri's ${w.kind} (${w.calls} call(s))${w.direct ? '' : s.dim(' but routes its name: not listed')}`);
  const sc = d.sidecars[0];
  if (sc) {
    out.print(`  sidecar: ${sc.glob} (reads stdin at ${sc.stdin.file}:${sc.stdin.line})`);
    const names = [...sc.registrars.map((r) => `registrar ${r.name}`), ...sc.handlerMaps.map((m) => `map ${m.name}`), ...sc.switchDiscriminants.map((m) => `switch on .${m.name}`), ...sc.emitters.map((e) => `emitter ${e.name}`)];
    out.print(`    ${names.join(', ')}`);
  } else out.print(`  sidecar: ${s.dim('none found')}`);
  for (const n of d.notes) out.print(s.yellow(`  note: ${n}`));
  out.print('');
  out.print(s.bold('Files:'));
  for (const f of plan) out.print(`  ${f.action === 'keep' ? s.dim('keep') : f.action === 'overwrite' ? s.yellow('replace') : s.green('write')}  ${f.path}${f.reason ? s.dim(`  (${f.reason})`) : ''}`);
  out.print('');
}

async function confirm(ctx: VerbContext, plan: readonly PlannedFile[]): Promise<boolean> {
  if (!plan.some((f) => f.action !== 'keep')) return false;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: ctx.out.stdout as NodeJS.WritableStream });
  try {
    const answer = await rl.question('Write these files? [y/N] ');
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
