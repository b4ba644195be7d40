/** Properties and elements of static values: object literals, enums, module namespaces, arrays. */
import { Node } from 'ts-morph';
import { bindingOf, propertyNameText } from './scope.js';
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
  if (v.t === 'module') {
    const file = r.ws.file(v.rel);
    const b = file ? r.exportBinding(file, key, 0) : undefined;
    return b ? r.deref(key, b, undefined) : undefined;
  }
  if (v.t !== 'obj' || !Node.isObjectLiteralExpression(v.node)) return undefined;
  const index = propertyIndex(v.node);
  const at = index.byName.get(key);
  if (at === undefined || at < index.lastDynamic) return undefined;
  const p = index.props[at]!;
  {
    if (Node.isPropertyAssignment(p)) {
      const init = p.getInitializer();
      return init ? r.values(init, v.env) : undefined;
    }
    if (Node.isShorthandPropertyAssignment(p)) return r.deref(p.getName(), bindingOf(p.getNameNode()), v.env);
    if (Node.isMethodDeclaration(p)) return ok([{ t: 'fn', node: p, env: v.env }]);
    return undefined;
  }
}

const propertyIndexes = new WeakMap<Node, { props: Node[]; byName: Map<string, number>; lastDynamic: number }>();

/** Where each plainly named property of an object literal is (the last one wins), and the last spread or computed key. */
function propertyIndex(obj: Node & { getProperties(): Node[] }) {
  let index = propertyIndexes.get(obj);
  if (!index) {
    const props = obj.getProperties();
    const byName = new Map<string, number>();
    let lastDynamic = -1;
    props.forEach((p, i) => {
      const nameNode = (p as Node & { getNameNode?(): Node }).getNameNode?.();
      const name = nameNode && !Node.isComputedPropertyName(nameNode) ? propertyNameText(nameNode) : undefined;
      if (Node.isSpreadAssignment(p) || name === undefined) lastDynamic = i;
      else byName.set(name, i);
    });
    index = { props, byName, lastDynamic };
    propertyIndexes.set(obj, index);
  }
  return index;
}

/** The properties of an object-like value: an object literal, an enum, a module's exports. */
export function entries(r: Resolver, v: Value): R<Map<string, Value[]>> {
  const out = new Map<string, Value[]>();
  if (v.t === 'enum' && Node.isEnumDeclaration(v.node)) {
    for (const m of v.node.getMembers()) {
      const init = m.getInitializer();
      out.set(m.getName(), init && (Node.isStringLiteral(init) || Node.isNoSubstitutionTemplateLiteral(init)) ? [{ t: 'str', v: init.getLiteralText() }] : [{ t: 'opaque', what: 'a numeric enum member' }]);
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
  if (v.t !== 'obj' || !Node.isObjectLiteralExpression(v.node)) return fail(`${describe(v)} has no properties`);
  for (const p of v.node.getProperties()) {
    if (Node.isSpreadAssignment(p)) {
      const spread = r.values(p.getExpression(), v.env);
      if (!spread.ok) return spread;
      for (const s of spread.value) {
        const inner = entries(r, s);
        if (!inner.ok) return inner;
        for (const [k, val] of inner.value) out.set(k, val);
      }
      continue;
    }
    const keyNode = (p as Node & { getNameNode?(): Node }).getNameNode?.();
    if (!keyNode) continue;
    let key = propertyNameText(keyNode);
    if (key === undefined && Node.isComputedPropertyName(keyNode)) {
      const k = r.strings(keyNode.getExpression(), v.env);
      if (!k.ok) return k;
      if (k.value.length !== 1) return fail(`the computed key \`${short(keyNode)}\` has several values`);
      key = k.value[0];
    }
    if (key === undefined) continue;
    if (Node.isPropertyAssignment(p)) {
      const init = p.getInitializer();
      const res = init ? r.values(init, v.env) : fail('no value');
      out.set(key, res.ok ? res.value : [{ t: 'opaque', what: res.reason }]);
    } else if (Node.isShorthandPropertyAssignment(p)) {
      const res = r.deref(p.getName(), bindingOf(p.getNameNode()), v.env);
      out.set(key, res.ok ? res.value : [{ t: 'opaque', what: res.reason }]);
    } else if (Node.isMethodDeclaration(p)) {
      out.set(key, [{ t: 'fn', node: p, env: v.env }]);
    }
  }
  return ok(out);
}

/** The elements of an array-like value. */
export function items(r: Resolver, v: Value): R<Value[]> {
  if (v.t === 'list') return ok(v.items);
  if (v.t !== 'arr' || !Node.isArrayLiteralExpression(v.node)) return fail(`${describe(v)} is not an array`);
  const out: Value[] = [];
  for (const el of v.node.getElements()) {
    if (Node.isSpreadElement(el)) {
      const inner = r.values(el.getExpression(), v.env);
      if (!inner.ok) return inner;
      const flat = r.flatMap(inner.value, (x) => items(r, x));
      if (!flat.ok) return flat;
      out.push(...flat.value);
    } else if (!Node.isOmittedExpression(el)) {
      const res = r.values(el, v.env);
      out.push(...(res.ok ? res.value : [{ t: 'opaque', what: res.reason } as Value]));
    }
  }
  return ok(out);
}
