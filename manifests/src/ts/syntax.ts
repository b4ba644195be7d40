/**
 * Small helpers over the TypeScript compiler's own syntax nodes. The scanners walk `ts.Node`s
 * directly: no wrapper object per visited node, so a walk costs about what the parse did.
 */
// Loaded through require: imported as an ES module, Node would first scan the compiler's 9 MB of
// CommonJS for its export names (and its module syntax), which cost more than a small app's parse.
import ts = require('typescript');

export { ts };

export type FunctionLikeNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

export function isFunctionLike(node: ts.Node | undefined): node is FunctionLikeNode {
  if (!node) return false;
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

/** Strips what does not change a value: parentheses, `as`, `satisfies`, `!`, `<T>x`. */
export function unwrap(node: ts.Node): ts.Node {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n)) n = n.expression;
  return n;
}

/** Descendants of `root` (not `root` itself) that pass `test`, in source order. */
export function findAll<T extends ts.Node>(root: ts.Node, test: (n: ts.Node) => n is T): T[];
export function findAll(root: ts.Node, test: (n: ts.Node) => boolean): ts.Node[];
export function findAll(root: ts.Node, test: (n: ts.Node) => boolean): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (test(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(root, visit);
  return out;
}

/** Identifiers under `root` spelled `name`. */
export function identifiersNamed(root: ts.Node, name: string): ts.Identifier[] {
  return findAll(root, (n): n is ts.Identifier => ts.isIdentifier(n) && n.text === name);
}

/** The nearest ancestor that passes `test`. */
export function ancestor(node: ts.Node, test: (n: ts.Node) => boolean): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (test(n)) return n;
  return undefined;
}

/** 1-based line and column of where a node's text starts. */
export function lineColumn(node: ts.Node): { line: number; column: number } {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { line: line + 1, column: character + 1 };
}

/** The text of a property name that is known without evaluation: `a`, `'a'`, `1`. */
export function propertyNameText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) return node.text;
  return undefined;
}

/** A string literal's value (`'a'`, `` `a` ``), else undefined. */
export function literalText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  return ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : undefined;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

export function kindName(node: ts.Node): string {
  return ts.SyntaxKind[node.kind] ?? 'node';
}

/** The name a property, method or declaration is known by, when it is a plain one. */
export function declaredName(node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name;
  return name && !ts.isComputedPropertyName(name) ? propertyNameText(name) : undefined;
}
