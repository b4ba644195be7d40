/** Properties and elements of static values: object literals, enums, module namespaces, arrays. */
import { bindingOf } from './scope.js';
import { propertyNameText, ts } from './syntax.js';
import type { Resolver } from './values.js';
import { exportNames } from './modules.js';
import { describe, fail, ok, short, type R, type Value } from './value-types.js';

/** One property or element of a value. */
export function member(r: Resolver, v: Value, key: string | number, at: string): R<Value[]> {
  const direct = directMember(r, v, String(key));
  if (direct) return direct;
  if (v.t === 'obj' || v.t === 'enum' || v.t === 'module') {
    const props = entries(r, v);
    if (!props.ok) return props;
    const hit = props.value.get(String(key));
    return hit ? ok(hit) : fail(`\`${at}\`: no property "${key}"`);
  }
  if ((v.t === 'arr' || v.t === 'list') && typeof key === 'number') {
    const list = items(r, v);
    if (!list.ok) return list;
    const hit = list.value[key];
    return hit ? ok([hit]) : fail(`\`${at}\`: no element ${key}`);
  }
  return fail(`\`${at}\` reads "${key}" of ${describe(v)}`);
}

/**
 * One property without evaluating the others: the last plain property of that name in an
 * object literal (when nothing after it could override it), or one export of a module.
 * Large constant maps (thousands of commands) stay linear this way.
 */
function directMember(r: Resolver, v: Value, key: string): R<Value[]> | undefined {
  if (v.t === 'instance') {
    const m = classMember(r, v.cls, key);
    if (!m) return fail(`${describe(v)} has no member "${key}" the sources declare`);
    if (ts.isPropertyDeclaration(m)) return m.initializer ? r.values(m.initializer, undefined) : fail(`\`${key}\` of ${describe(v)} is set at run time`);
    return ok([{ t: 'fn', node: m, env: undefined }]);
  }
  if (v.t === 'module') {
    const file = r.ws.file(v.rel);
    const b = file ? r.exportBinding(file, key, 0) : undefined;
    return b ? r.deref(key, b, undefined) : undefined;
  }
  if (v.t !== 'obj' || !ts.isObjectLiteralExpression(v.node)) return undefined;
  const index = propertyIndex(v.node);
  const at = index.byName.get(key);
  if (at === undefined || at < index.lastDynamic) return undefined;
  const p = v.node.properties[at]!;
  if (ts.isPropertyAssignment(p)) return r.values(p.initializer, v.env);
  if (ts.isShorthandPropertyAssignment(p)) return r.deref(p.name.text, bindingOf(p.name), v.env);
  if (ts.isMethodDeclaration(p)) return ok([{ t: 'fn', node: p, env: v.env }]);
  return undefined;
}

const propertyIndexes = new WeakMap<ts.Node, { byName: Map<string, number>; lastDynamic: number }>();

/** Where each plainly named property of an object literal is (the last one wins), and the last spread or computed key. */
function propertyIndex(obj: ts.ObjectLiteralExpression) {
  let index = propertyIndexes.get(obj);
  if (!index) {
    const byName = new Map<string, number>();
    let lastDynamic = -1;
    obj.properties.forEach((p, i) => {
      const name = p.name && !ts.isComputedPropertyName(p.name) ? propertyNameText(p.name) : undefined;
      if (ts.isSpreadAssignment(p) || name === undefined) lastDynamic = i;
      else byName.set(name, i);
    });
    index = { byName, lastDynamic };
    propertyIndexes.set(obj, index);
  }
  return index;
}

/** The properties of an object-like value: an object literal, an enum, a module's exports. */
export function entries(r: Resolver, v: Value): R<Map<string, Value[]>> {
  const out = new Map<string, Value[]>();
  if (v.t === 'enum' && ts.isEnumDeclaration(v.node)) {
    for (const m of v.node.members) {
      const init = m.initializer;
      const key = propertyNameText(m.name) ?? m.name.getText();
      out.set(key, init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) ? [{ t: 'str', v: init.text }] : [{ t: 'opaque', what: 'a numeric enum member' }]);
    }
    return ok(out);
  }
  if (v.t === 'module') {
    const file = r.ws.file(v.rel);
    if (!file) return fail(`${v.rel} does not parse`);
    for (const name of exportNames(file)) {
      const b = r.exportBinding(file, name, 0);
      const res = b ? r.deref(name, b, undefined) : undefined;
      if (res?.ok) out.set(name, res.value);
    }
    return ok(out);
  }
  if (v.t !== 'obj' || !ts.isObjectLiteralExpression(v.node)) return fail(`${describe(v)} has no properties`);
  for (const p of v.node.properties) {
    if (ts.isSpreadAssignment(p)) {
      const spread = r.values(p.expression, v.env);
      if (!spread.ok) return spread;
      for (const s of spread.value) {
        const inner = entries(r, s);
        if (!inner.ok) return inner;
        for (const [k, val] of inner.value) out.set(k, val);
      }
      continue;
    }
    const keyNode = p.name;
    if (!keyNode) continue;
    let key = ts.isComputedPropertyName(keyNode) ? undefined : propertyNameText(keyNode);
    if (key === undefined && ts.isComputedPropertyName(keyNode)) {
      const k = r.strings(keyNode.expression, v.env);
      if (!k.ok) return k;
      if (k.value.length !== 1) return fail(`the computed key \`${short(keyNode)}\` has several values`);
      key = k.value[0];
    }
    if (key === undefined) continue;
    if (ts.isPropertyAssignment(p)) {
      const res = r.values(p.initializer, v.env);
      out.set(key, res.ok ? res.value : [{ t: 'opaque', what: res.reason }]);
    } else if (ts.isShorthandPropertyAssignment(p)) {
      const res = r.deref(p.name.text, bindingOf(p.name), v.env);
      out.set(key, res.ok ? res.value : [{ t: 'opaque', what: res.reason }]);
    } else if (ts.isMethodDeclaration(p)) {
      out.set(key, [{ t: 'fn', node: p, env: v.env }]);
    }
  }
  return ok(out);
}

/** The elements of an array-like value. */
export function items(r: Resolver, v: Value): R<Value[]> {
  if (v.t === 'list') return ok(v.items);
  if (v.t !== 'arr' || !ts.isArrayLiteralExpression(v.node)) return fail(`${describe(v)} is not an array`);
  const out: Value[] = [];
  for (const el of v.node.elements) {
    if (ts.isSpreadElement(el)) {
      const inner = r.values(el.expression, v.env);
      if (!inner.ok) return inner;
      const flat = r.flatMap(inner.value, (x) => items(r, x));
      if (!flat.ok) return flat;
      out.push(...flat.value);
    } else if (!ts.isOmittedExpression(el)) {
      const res = r.values(el, v.env);
      out.push(...(res.ok ? res.value : [{ t: 'opaque', what: res.reason } as Value]));
    }
  }
  return ok(out);
}

/** A method or property a class (or a class it extends, when the sources declare it) declares under `key`. */
export function classMember(r: Resolver, cls: ts.ClassLikeDeclaration, key: string, depth = 0): ts.MethodDeclaration | ts.PropertyDeclaration | undefined {
  for (const m of cls.members) {
    if ((ts.isMethodDeclaration(m) && m.body) || ts.isPropertyDeclaration(m)) {
      if (m.name && !ts.isComputedPropertyName(m.name) && propertyNameText(m.name) === key) return m;
    }
  }
  const base = baseClass(r, cls);
  return base && depth < 8 ? classMember(r, base, key, depth + 1) : undefined;
}

/** The class a class extends, when the sources declare it. */
export function baseClass(r: Resolver, cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration | undefined {
  const ext = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  return ext ? r.classOf(ext.expression) : undefined;
}
