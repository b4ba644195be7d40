/**
 * The `cutover.config.ts` init writes: every value it sets with a comment saying where it was
 * found, and what it could not find said as plainly, so the file can be read before it is trusted.
 */
import type { Detection, Sidecar } from '../model.js';

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = (xs: readonly string[]) => `[${xs.map(q).join(', ')}]`;
const at = (s: { file: string; line: number }) => `${s.file}:${s.line}`;

function appLines(d: Detection): string[] {
  if (!d.apps.length) return ['    // No tauri.conf.json was found: the Rust globs below are the crates that depend on tauri.'];
  return d.apps.map((a) => `    // Tauri ${a.major ?? '(version not told)'} app in ${a.dir}/ (${a.config}${a.majorFrom ? `; version from ${a.majorFrom}` : ''}).`);
}

function handlerLines(d: Detection): string[] {
  if (!d.handlers.length) return ['    // No generate_handler![…] was found in these crates: no command is registered, so every invoke will be reported.'];
  return d.handlers.map((h) => `    //   generate_handler![…] at ${at(h)}: ${h.commands} command(s)${h.plugin ? `, plugin "${h.plugin}" (invoked as plugin:${h.plugin}|<command>)` : ''}`);
}

function rustBlock(d: Detection): string[] {
  const forward = d.forwards[0];
  const lines = [
    ...appLines(d),
    `    // Rust: the ${d.rustGlobs.length} crate(s) that depend on tauri (of ${d.crates.filter((c) => !c.problem).length} in the repository); commands are registered by`,
    ...handlerLines(d),
  ];
  if (forward) lines.push(`    // Commands forward to the sidecar through ${forward.name}("<command>", json!({…})): ${forward.calls} call(s), e.g. ${at(forward.example)}.`);
  lines.push(`    rust: { include: ${list(d.rustGlobs)}${forward ? `, forwardCalls: ${list([forward.name])}` : ''} },`);
  return lines;
}

function sidecarBlock(s: Sidecar | undefined, others: number): string[] {
  if (!s) return ['    // Sidecar: none found (no package outside the frontend reads requests from process.stdin and routes them).', '    // When there is one, name it here: sidecar: { include: [\'…/src/**/*.ts\'], handlerRegistrars: [\'…\'], emitters: [\'…\'] },'];
  const lines = [`    // Sidecar in ${s.dir}/: it reads requests from stdin at ${at(s.stdin)}.${others ? ` (${others} other candidate(s) left out; see init's output.)` : ''}`];
  const parts = [`include: ${list([s.glob])}`];
  if (s.registrars.length) {
    lines.push(`    //   handlers are registered with ${s.registrars.map((r) => `${r.name}('<command>', …) (${r.calls}×, e.g. ${at(r.example)})`).join(', ')}`);
    parts.push(`handlerRegistrars: ${list(s.registrars.map((r) => r.name))}`);
  }
  if (s.handlerMaps.length) {
    lines.push(`    //   handler maps: ${s.handlerMaps.map((m) => `${m.name} (${m.entries} entries, ${at(m.example)})`).join(', ')}`);
    parts.push(`handlerMaps: ${list(s.handlerMaps.map((m) => m.name))}`);
  }
  if (s.switchDiscriminants.length) {
    lines.push(`    //   a router switches on ${s.switchDiscriminants.map((m) => `.${m.name} (${m.cases} cases, ${at(m.example)})`).join(', ')}`);
    parts.push(`switchDiscriminants: ${list(s.switchDiscriminants.map((m) => m.name))}`);
  }
  if (s.emitters.length) {
    lines.push(`    //   events are emitted with ${s.emitters.map((e) => `${e.name}('<type>', …) (${e.calls}×, e.g. ${at(e.example)})`).join(', ')}`);
    parts.push(`emitters: ${list(s.emitters.map((e) => e.name))}`);
  } else lines.push('    //   no event emitter was found: events the sidecar sends will not be in the contract until emitters names it.');
  lines.push(`    sidecar: { ${parts.join(', ')} },`);
  return lines;
}

function frontendBlock(d: Detection): string[] {
  if (!d.frontend.length) return ['    // Frontend: no file imports @tauri-apps/… or uses window.__TAURI__; name its folders here: frontend: { include: [\'src/**/*.{ts,tsx,js,jsx,svelte,vue}\'] },'];
  const lines = ['    // Frontend: the folders of files that import @tauri-apps/… (or use window.__TAURI__), and of files that use those through a package name, a path or an import alias:'];
  for (const f of d.frontend) lines.push(`    //   ${f.glob}: ${f.because}`);
  const direct = d.memberWrappers.filter((w) => w.direct);
  for (const w of d.memberWrappers) {
    lines.push(`    // ${w.name}(…) is called ${w.calls}× with a literal name; its member at ${at(w)} hands the name to Tauri's ${w.kind}${w.direct ? '' : ', but routes it (not every call is an ' + w.kind + ' of the name it passes), so it is not listed'}.`);
  }
  const parts = [`include: ${list(d.frontend.map((f) => f.glob))}`];
  const inv = direct.filter((w) => w.kind === 'invoke').map((w) => w.name);
  const lis = direct.filter((w) => w.kind === 'listen').map((w) => w.name);
  if (inv.length) parts.push(`invokeFunctions: ${list(inv)}`);
  if (lis.length) parts.push(`listenFunctions: ${list(lis)}`);
  lines.push(`    frontend: { ${parts.join(', ')} },`);
  return lines;
}

function harnessBlock(s: Sidecar | undefined): string[] {
  if (!s) return [];
  const entry = s.entry ?? `${s.dir}/dist/index.js`;
  return [
    '  // The old path (the sidecar on stdio) and the new one (the daemon on a socket) for `cutover record` and',
    '  // `cutover replay`: fill in how your daemon starts and where it listens (README: "Harness").',
    '  // harness: {',
    `  //   old: { transport: 'stdio', command: 'node', args: [${q(entry)}], dataDir: true },`,
    `  //   new: { transport: 'socket', command: 'node', args: [${q(entry)}, '--daemon'], dataDir: true, endpoint: '{{dataDir}}/app.sock' },`,
    "  //   scenarios: ['cutover/scenarios'], traces: 'cutover/traces',",
    '  // },',
  ];
}

export function renderConfig(d: Detection, files: { matrix: string; runbook: string; signoff: string }): string {
  const sidecar = d.sidecars[0];
  return [
    "import { defineConfig } from 'cutover';",
    '',
    '/**',
    ' * Written by `cutover init` from what it found in this repository; every value says where it came',
    ' * from. Read it, then run `cutover check`. Relative paths resolve from this file\'s folder.',
    ' */',
    'export default defineConfig({',
    `  name: ${q(d.name)},`,
    '  // The contract, read from the sources (never run): `cutover manifest --update` writes manifests/,',
    '  // `cutover drift` and `cutover check` guard it on every pull request (README: "Manifests").',
    '  manifests: {',
    "    out: 'manifests',",
    ...rustBlock(d),
    ...sidecarBlock(sidecar, d.sidecars.length - 1),
    ...frontendBlock(d),
    '  },',
    '  // The release: the task list, the validation matrix and the sign-offs the gate reads (README: "Matrix and the release gate").',
    `  tasks: { sources: [{ path: ${q(files.runbook)} }] },`,
    `  matrix: { file: ${q(files.matrix)}, outDir: '.cutover/matrix' },`,
    `  gate: { signoffs: { file: ${q(files.signoff)} } },`,
    ...harnessBlock(sidecar),
    '});',
    '',
  ].join('\n');
}
