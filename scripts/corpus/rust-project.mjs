/**
 * The corpus counter's Rust side across files: commands, each generate_handler! entry resolved
 * to the fn it names (and the plugin whose Builder owns it), emits and listens with their names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildModules, moduleOfFile, resolvePath } from './rust-modules.mjs';
import { rustParser, scanRust } from './rust-scan.mjs';

/** Does the file bring tauri's `command` attribute into scope (`use tauri::command`, `use tauri::{command, …}`)? */
const importsTauriCommand = (scan) => scan.uses.some((u) => (u.path[0] === 'tauri' && u.path.at(-1) === 'command' && !u.alias) || (u.path[0] === 'tauri' && u.glob && u.path.length === 1));

export async function analyzeRust(appDir, rels, cargoFiles) {
  const parser = await rustParser();
  const files = new Map();
  for (const rel of rels) {
    const tree = parser.parse(fs.readFileSync(path.join(appDir, rel), 'utf8'));
    files.set(rel, scanRust(tree));
    tree.delete();
  }
  const tree = buildModules(appDir, files, cargoFiles);
  const crateOf = (rel) => tree.crates.filter((c) => c.dir === '' || rel.startsWith(`${c.dir}/`)).sort((a, b) => b.dir.length - a.dir.length)[0];

  const commands = [];
  const questionable = [];
  for (const [rel, scan] of files) {
    for (const fn of scan.fns) {
      if (!fn.attr) continue;
      const tauri = fn.attr.path === 'tauri::command' || importsTauriCommand(scan);
      const entry = { name: fn.name, file: rel, line: fn.line, attrLine: fn.attr.line, span: fn.span, cfg: fn.cfg, inline: fn.inline, attr: `#[${fn.attr.path}${fn.attr.args}]`, params: fn.params, crate: crateOf(rel)?.pkg, module: moduleOfFile(tree, rel, fn.inline)?.key };
      (tauri ? commands : questionable).push(entry);
    }
  }

  const builders = [];
  for (const [rel, scan] of files) for (const b of scan.builders) builders.push({ ...b, file: rel, crate: crateOf(rel)?.pkg });
  const registrations = [];
  for (const [rel, scan] of files) {
    for (const h of scan.handlers) {
      const from = moduleOfFile(tree, rel, h.inline);
      const crate = crateOf(rel);
      // A plugin's handler is chained on its `plugin::Builder::new("name")`, in the same file.
      const plugin = builders.filter((b) => b.file === rel && /plugin::Builder::new$|^Builder::new$/.test(b.callee)).map((b) => b.name);
      for (const e of h.entries) {
        const targets = from ? resolvePath(tree, files, from, e.path) : [];
        const fns = targets.filter((t) => t.kind === 'fn');
        const cmds = commands.filter((c) => fns.some((t) => t.fn.line === c.line && t.module.file === c.file));
        registrations.push({ path: e.path.join('::'), name: e.path.at(-1), file: rel, line: e.line, handlerLine: h.line, cfg: e.cfg, crate: crate?.pkg, plugin: plugin.length === 1 ? plugin[0] : plugin.length ? plugin : undefined, resolved: cmds.map((c) => `${c.file}:${c.line}`), nonCommandFns: fns.filter((t) => !cmds.some((c) => c.line === t.fn.line && c.file === t.module.file)).map((t) => `${t.module.file}:${t.fn.line}`), noModule: !from });
      }
    }
  }

  const consts = new Map();
  for (const [rel, scan] of files) for (const c of scan.consts) (consts.get(c.name) ?? consts.set(c.name, []).get(c.name)).push({ ...c, file: rel });
  const nameOf = (x) => (x?.literal !== undefined ? { names: [x.literal] } : x?.ident && consts.has(x.ident) ? { names: [...new Set(consts.get(x.ident).map((c) => c.value))], const: x.text } : { dynamic: x?.dynamic ?? x?.text ?? '(none)' });
  const { emits, listens, emitWrappers } = events(files, nameOf);
  const parseErrors = [];
  for (const [rel, scan] of files) for (const e of scan.errors) parseErrors.push({ file: rel, ...e });
  return { files: rels.length, crates: tree.crates, commands, questionable, registrations, builders, emits, listens, emitWrappers, parseErrors, missingModules: [...tree.modules.values()].filter((m) => m.missing).map((m) => ({ module: m.key, tried: m.missing })) };
}

/** Event-emitting methods and the index of the event-name argument. */
const EMITS = { emit: 0, emit_all: 0, emit_filter: 0, emit_str: 0, emit_to: 1, emit_str_to: 1 };
const LISTENS = new Set(['listen', 'listen_any', 'listen_global', 'once', 'once_any', 'once_global']);

/**
 * Emits (`x.emit("name", …)`, also inside macro bodies), listens, and emit wrappers: a fn that
 * passes one of its parameters on as the event name makes each call of it an emit.
 */
function events(files, nameOf) {
  const emits = [];
  const listens = [];
  const wrappers = new Map();
  const site = (rel, c, arg, extra) => ({ side: 'rust', method: c.last, receiver: c.callee, file: rel, line: c.line, inMacro: c.inMacro, ...extra, ...nameOf(arg) });
  for (const [rel, scan] of files) {
    for (const c of scan.calls) {
      if (c.method && c.last in EMITS && c.argc > EMITS[c.last]) {
        const arg = c.args[EMITS[c.last]];
        const p = arg?.ident ? c.fn?.params.indexOf(arg.ident) ?? -1 : -1;
        if (p >= 0) wrappers.set(c.fn.name, { name: c.fn.name, index: p, file: rel, line: c.fn.line, body: c.line });
        else emits.push(site(rel, c, arg));
      }
      if (c.method && LISTENS.has(c.last) && c.argc >= 2) listens.push(site(rel, c, c.args[0]));
    }
  }
  for (const [rel, scan] of files) {
    for (const c of scan.calls) {
      const w = wrappers.get(c.last);
      if (!w || (c.method && c.last in EMITS) || c.argc <= w.index) continue;
      emits.push(site(rel, c, c.args[w.index], { via: `${w.file}:${w.line} ${w.name}` }));
    }
  }
  return { emits, listens, emitWrappers: [...wrappers.values()] };
}
