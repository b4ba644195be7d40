/**
 * Wrappers the extractor cannot reach by itself: an object's member that hands its own first
 * parameter to Tauri's `invoke` or `listen` (`listen(event, cb) { return tauriListen(event, …) }`),
 * called elsewhere as `platform.listen('name', …)` through an object the sources only type. A
 * member that passes the name straight on is proposed for `invokeFunctions`/`listenFunctions`;
 * one that routes it (an `if`, a `switch`, `?:`, `&&`, `||`, `??` in its body) is only mentioned,
 * since its calls are not all invokes of the name they pass.
 */
import ts from 'typescript';
import type { MemberWrapper } from '../model.js';
import { isTauriModule, type ScriptFile } from './imports.js';

const lineOf = (sf: ts.SourceFile, n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;

/** Local names of Tauri's invoke and listen in a file: `import { listen as tauriListen } from '@tauri-apps/api/event'`. */
function tauriBindings(sf: ts.SourceFile): Map<string, 'invoke' | 'listen'> {
  const out = new Map<string, 'invoke' | 'listen'>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !isTauriModule(st.moduleSpecifier.text)) continue;
    const named = st.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named)) continue;
    for (const el of named.elements) {
      const imported = (el.propertyName ?? el.name).text;
      if (imported === 'invoke') out.set(el.name.text, 'invoke');
      if (imported === 'listen' || imported === 'once') out.set(el.name.text, 'listen');
    }
  }
  return out;
}

function routes(body: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (ts.isIfStatement(n) || ts.isSwitchStatement(n) || ts.isConditionalExpression(n)) found = true;
    if (ts.isBinaryExpression(n) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(n.operatorToken.kind)) found = true;
    if (!found) ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

interface Member {
  name: string;
  kind: 'invoke' | 'listen';
  direct: boolean;
  file: string;
  line: number;
}

function membersOf(f: ScriptFile): Member[] {
  const sf = ts.createSourceFile(f.rel, f.text, ts.ScriptTarget.Latest, true);
  const bindings = tauriBindings(sf);
  if (bindings.size === 0) return [];
  const out: Member[] = [];
  const visit = (n: ts.Node): void => {
    let name: string | undefined;
    let fn: ts.SignatureDeclaration & { body?: ts.Node } | undefined;
    if (ts.isMethodDeclaration(n) && ts.isObjectLiteralExpression(n.parent) && ts.isIdentifier(n.name)) [name, fn] = [n.name.text, n];
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) [name, fn] = [n.name.text, n.initializer];
    const param = fn?.parameters[0]?.name;
    if (name && fn?.body && param && ts.isIdentifier(param)) {
      const body = fn.body;
      const hit = (c: ts.Node): 'invoke' | 'listen' | undefined => {
        if (ts.isCallExpression(c) && ts.isIdentifier(c.expression) && bindings.has(c.expression.text)) {
          const a = c.arguments[0];
          if (a && ts.isIdentifier(a) && a.text === param.text) return bindings.get(c.expression.text);
        }
        return ts.forEachChild(c, hit);
      };
      const kind = hit(body);
      if (kind) out.push({ name, kind, direct: !routes(body), file: f.rel, line: lineOf(sf, n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Names a file imports from the app's own modules (an object such as `platform` the wrappers hang on). */
function importedNames(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || isTauriModule(st.moduleSpecifier.text)) continue;
    const clause = st.importClause;
    if (clause?.name) out.add(clause.name.text);
    const named = clause?.namedBindings;
    if (named && ts.isNamedImports(named)) for (const el of named.elements) out.add(el.name.text);
    if (named && ts.isNamespaceImport(named)) out.add(named.name.text);
  }
  return out;
}

/** `x.member('literal', …)` calls (x imported from the app's own modules) of each wrapper member, counted by how they are written (`platform.listen`). */
export function memberWrappers(direct: readonly ScriptFile[], all: readonly ScriptFile[]): MemberWrapper[] {
  const members = direct.flatMap(membersOf);
  if (!members.length) return [];
  const wanted = new Set(members.map((m) => m.name));
  const counts = new Map<string, number>();
  for (const f of all) {
    if (![...wanted].some((w) => f.text.includes(`.${w}`))) continue;
    const sf = ts.createSourceFile(f.rel, f.text, ts.ScriptTarget.Latest, true);
    const imported = importedNames(sf);
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && imported.has(n.expression.expression.text) && wanted.has(n.expression.name.text)) {
        const a = n.arguments[0];
        if (a && (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a))) {
          const key = `${n.expression.expression.text}.${n.expression.name.text}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  const out: MemberWrapper[] = [];
  for (const [key, calls] of counts) {
    const m = members.find((x) => key.endsWith(`.${x.name}`))!;
    out.push({ name: key, kind: m.kind, calls, direct: m.direct, file: m.file, line: m.line });
  }
  return out.sort((a, b) => b.calls - a.calls || (a.name < b.name ? -1 : 1));
}
