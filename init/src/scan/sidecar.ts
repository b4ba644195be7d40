/**
 * A Node sidecar: a package outside the frontend whose code reads requests from `process.stdin`.
 * In its files, what the config must name is found by looking at the code: the function handlers
 * are registered with (`registerHandler('name', fn)`, called three times or more with a literal
 * name and a function), object maps of handlers looked up by a computed key, what a router's
 * `switch` dispatches on, and how events are emitted (`events.emit('type', …)` through one object,
 * or a function that writes `{ type: <its first parameter>, … }` as JSON).
 */
import ts from 'typescript';
import type { Sidecar } from '../model.js';
import { isUnder, SCRIPT_EXTENSIONS, under } from './files.js';
import type { ScriptFile } from './imports.js';
import { packageOf, type Package } from './packages.js';

type Counted = Map<string, { n: number; example: { file: string; line: number } }>;
const bump = (m: Counted, key: string, file: string, line: number, by = 1) => {
  const had = m.get(key);
  if (had) had.n += by;
  else m.set(key, { n: by, example: { file, line } });
};
const isFn = (n: ts.Node | undefined) => !!n && (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isIdentifier(n) || ts.isPropertyAccessExpression(n));
const isName = (n: ts.Node | undefined): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => !!n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n));
/** What a command or event name looks like on the wire: no spaces (`agent_list`, `stream:chunk`, `a.b`). */
const COMMAND_LIKE = /^[A-Za-z_$][\w$]*(?:[:./|-][\w$]+)*$/;
/** Callees that take (name, fn) but register no command: events, routes, tests, maps. */
const NOT_REGISTRARS = new Set(['on', 'once', 'off', 'addListener', 'addEventListener', 'removeListener', 'prependListener', 'emit', 'set', 'get', 'has', 'post', 'put', 'patch', 'delete', 'all', 'use', 'describe', 'it', 'test', 'bench', 'define', 'setTimeout', 'setInterval']);

function lastName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

export function scanSidecar(pkg: Package, files: readonly ScriptFile[], forwarded: readonly string[] = []): Sidecar | undefined {
  let stdin: { file: string; line: number } | undefined;
  const registrars: Counted = new Map();
  const maps: Counted = new Map();
  const switches: Counted = new Map();
  const emits: Counted = new Map();
  const names = new Set<string>();
  const writers: Counted = new Map();
  const writerNames = new Set<string>();
  const parsed = files.map((f) => ({ f, sf: ts.createSourceFile(f.rel, f.text, ts.ScriptTarget.Latest, true) }));
  // Functions that write `{ type: <first parameter>, … }` through JSON.stringify: event writers.
  for (const { sf } of parsed) {
    const visit = (n: ts.Node): void => {
      const fn = ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) ? n : undefined;
      const p = fn?.parameters[0]?.name;
      if (fn?.body && fn.name && ts.isIdentifier(fn.name) && p && ts.isIdentifier(p) && /JSON\.stringify\s*\(\s*\{[^}]*\btype\s*(:\s*(\w+)|[,}])/.test(fn.body.getText(sf))) {
        const m = /\btype\s*:\s*(\w+)/.exec(fn.body.getText(sf));
        if (!m || m[1] === p.text) writerNames.add(fn.name.text);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  for (const { f, sf } of parsed) {
    const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const visit = (n: ts.Node): void => {
      if (!stdin && ts.isPropertyAccessExpression(n) && n.name.text === 'stdin' && ts.isIdentifier(n.expression) && n.expression.text === 'process') stdin = { file: f.rel, line: at(n) };
      if (ts.isCallExpression(n)) {
        const name = lastName(n.expression);
        const [a0, a1] = n.arguments;
        if (name && isName(a0) && COMMAND_LIKE.test(a0.text)) {
          if (isFn(a1) && !NOT_REGISTRARS.has(name)) {
            bump(registrars, name, f.rel, at(n));
            names.add(a0.text);
          }
          if (name === 'emit' && ts.isPropertyAccessExpression(n.expression)) {
            const recv = lastName(n.expression.expression) ?? '';
            if (recv !== 'process') bump(emits, n.expression.expression.kind === ts.SyntaxKind.ThisKeyword ? 'emit' : `${recv}.emit`, f.rel, at(n));
          }
          if (writerNames.has(name)) bump(writers, name, f.rel, at(n));
        }
      }
      if (ts.isSwitchStatement(n) && (ts.isPropertyAccessExpression(n.expression) || ts.isElementAccessExpression(n.expression))) {
        const key = ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : isName(n.expression.argumentExpression) ? n.expression.argumentExpression.text : undefined;
        const literal = n.caseBlock.clauses.flatMap((c) => (ts.isCaseClause(c) && isName(c.expression) && COMMAND_LIKE.test(c.expression.text) ? [c.expression.text] : []));
        if (key && literal.length >= 2) {
          bump(switches, key, f.rel, at(n), literal.length);
          for (const l of literal) names.add(l);
        }
      }
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isObjectLiteralExpression(n.initializer)) {
        const fns = n.initializer.properties.filter((p) => ts.isMethodDeclaration(p) || (ts.isPropertyAssignment(p) && isFn(p.initializer)) || ts.isShorthandPropertyAssignment(p)).length;
        if (fns >= 3 && new RegExp(`\\b${n.name.text}\\s*\\[`).test(f.text)) {
          bump(maps, n.name.text, f.rel, at(n), fns);
          for (const p of n.initializer.properties) if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) names.add(p.name.text);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  if (!stdin) return undefined;
  // Where Rust forwards to a sidecar, this is that sidecar only if it handles some of those commands.
  if (forwarded.length && !forwarded.some((c) => names.has(c))) return undefined;
  const list = (m: Counted, min: number) => [...m].filter(([, v]) => v.n >= min).sort((a, b) => b[1].n - a[1].n).map(([name, v]) => ({ name, calls: v.n, example: v.example }));
  const emitList = list(emits, 1);
  const total = emitList.reduce((n, e) => n + e.calls, 0);
  // One object carries (nearly) every event: name it, so other `.emit(…)` calls are not read as events.
  const main = emitList[0] && emitList[0].name !== 'emit' && emitList[0].calls >= 0.8 * total ? [emitList[0]] : emitList.length ? [{ ...emitList[0]!, name: 'emit', calls: total }] : [];
  const exts = SCRIPT_EXTENSIONS.filter((e) => files.some((f) => f.rel.endsWith(`.${e}`)));
  const src = under(pkg.dir, 'src');
  const base = files.every((f) => isUnder(f.rel, src)) ? src : pkg.dir;
  return {
    dir: pkg.dir,
    glob: under(base, `**/*.${exts.length === 1 ? exts[0] : `{${exts.join(',')}}`}`),
    stdin,
    registrars: list(registrars, 3),
    handlerMaps: list(maps, 1).map(({ name, calls, example }) => ({ name, entries: calls, example })),
    switchDiscriminants: list(switches, 1).map(({ name, calls, example }) => ({ name, cases: calls, example })),
    emitters: [...main, ...list(writers, 1)],
    ...(pkg.main ? { entry: under(pkg.dir, pkg.main) } : {}),
  };
}

/**
 * Every package outside the frontend that reads stdin, with what its router and emitters are
 * called. At the repository root, whose files are everything no package claims, only the top
 * folder of the file that reads stdin is looked at.
 */
export function scanSidecars(scripts: readonly ScriptFile[], packages: readonly Package[], frontendDirs: readonly string[], forwarded: readonly string[]): Sidecar[] {
  const out: Sidecar[] = [];
  const scopes = new Map<string, Package>();
  for (const f of scripts) {
    if (!f.text.includes('process.stdin')) continue;
    const pkg = packageOf(packages, f.rel);
    if (frontendDirs.includes(pkg.dir)) continue;
    const top = f.rel.includes('/') ? f.rel.split('/')[0]! : '.';
    const scope = pkg.dir === '.' ? { ...pkg, dir: top } : pkg;
    scopes.set(scope.dir, scope);
  }
  for (const scope of scopes.values()) {
    const all = scripts.filter((f) => isUnder(f.rel, scope.dir) && (scope.dir === '.' ? !f.rel.includes('/') : packageOf(packages, f.rel).dir === scope.dir || packageOf(packages, f.rel).dir === '.'));
    const found = scanSidecar(scope, all, forwarded);
    if (found && (found.registrars.length || found.handlerMaps.length || found.switchDiscriminants.length)) out.push(found);
  }
  return out;
}
