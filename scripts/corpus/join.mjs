/**
 * The corpus counter's joins: producers against consumers, as candidates for reading. A
 * candidate is not a defect until the code was read; the fixture records the verdict and why.
 */

const PLUGIN = /^plugin:([^|]+)\|(.+)$/;

export function candidates(r) {
  const out = [];
  const add = (kind, at, detail) => out.push({ kind, file: at.file, line: at.line, detail });
  const registeredBy = new Map();
  for (const g of r.registrations) {
    if (!g.resolved.length) add('registered-not-defined', g, `${g.path}${g.plugin ? ` (plugin ${g.plugin})` : ''}: resolves to no #[tauri::command] fn${g.nonCommandFns.length ? `; plain fn at ${g.nonCommandFns.join(', ')}` : ''}${g.noModule ? '; the file is in no module tree' : ''}`);
    for (const at of g.resolved) (registeredBy.get(at) ?? registeredBy.set(at, []).get(at)).push(g);
  }
  for (const c of r.commands) if (!registeredBy.has(`${c.file}:${c.line}`)) add('command-not-registered', c, `${c.name}${c.cfg ? ` cfg${c.cfg}` : ''} (${c.attr}, crate ${c.crate})`);

  const commandAt = new Map(r.commands.map((c) => [`${c.file}:${c.line}`, c]));
  const provided = new Map();
  for (const [at, regs] of registeredBy) for (const g of regs) {
    const wire = typeof g.plugin === 'string' ? `plugin:${g.plugin}|${commandAt.get(at).name}` : commandAt.get(at).name;
    (provided.get(wire) ?? provided.set(wire, []).get(wire)).push(commandAt.get(at));
  }
  const firstParty = new Set(r.registrations.map((g) => g.plugin).filter((p) => typeof p === 'string'));
  for (const inv of r.invokes) {
    if (inv.dynamic) { add('unresolved-invoke', inv, `${inv.callee}: ${inv.dynamic}${inv.via ? ` via ${inv.via}` : ''}`); continue; }
    for (const name of inv.names) {
      const p = PLUGIN.exec(name);
      if (p && !firstParty.has(p[1])) { add('external-plugin-invoke', inv, `${name}: plugin ${p[1]} is not in the sources`); continue; }
      const defs = provided.get(name);
      if (!defs) { add('unregistered-invoke', inv, `${name}${inv.via ? ` via ${inv.via}` : ''}`); continue; }
      if (!inv.keys?.keys || inv.keys.spread) continue;
      const params = defs[0].params.filter((x) => !x.injected);
      const missing = params.filter((x) => x.required && !inv.keys.keys.includes(x.key)).map((x) => `${x.key}: ${x.typeText}`);
      const extra = inv.keys.keys.filter((k) => !params.some((x) => x.key === k));
      if (missing.length) add('invoke-key-mismatch', inv, `${name} does not send required ${missing.join(', ')} (sends {${inv.keys.keys.join(', ')}})`);
      if (extra.length) add('extra-invoke-keys', inv, `${name} sends keys the command does not take: ${extra.join(', ')}`);
    }
  }

  const emitted = new Set(r.emits.flatMap((e) => e.names ?? []));
  const dynamicEmits = r.emits.filter((e) => e.dynamic);
  for (const l of r.listens) {
    if (l.dynamic) { add('unresolved-listen', l, `${l.callee ?? l.receiver}: ${l.dynamic}`); continue; }
    if (l.side !== 'frontend') continue;
    for (const name of l.names) {
      if (name.startsWith('tauri://')) continue;
      if (!emitted.has(name)) add('event-not-emitted', l, `${name}${dynamicEmits.length ? ` (${dynamicEmits.length} emits with computed names)` : ''}`);
    }
  }
  for (const e of dynamicEmits) add('unresolved-emit', e, `${e.side} ${e.method ?? e.callee}: ${e.dynamic}`);
  for (const q of r.questionableCommands) add('questionable-command', q, `${q.name}: ${q.attr} without tauri's command in scope`);
  for (const w of r.emitWrappers) add('emit-wrapper', w, `${w.name} passes its parameter ${w.index} on as the event name (body line ${w.body})`);
  for (const e of r.rustParseErrors) add('rust-parse-error', { file: e.file, line: e.span[0] }, `lines ${e.span.join('-')}: ${e.text.replace(/\s+/g, ' ').slice(0, 80)}`);
  for (const m of r.missingModules) add('missing-module-file', { file: m.tried[0], line: 0 }, m.module);
  for (const w of r.memberWrappers) add('member-wrapper', w, `.${w.member} passes its parameter ${w.nameIdx} on as the ${w.role} name`);
  for (const d of r.dynamicImports) add('dynamic-tauri-import', d, 'await import() of a Tauri module');
  return out;
}
