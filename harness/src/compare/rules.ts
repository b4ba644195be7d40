import type { PathRule } from '../settings.js';
import { PathMatcher } from './json-path.js';
import type { NormalizeOptions, Scope } from './normalize.js';

/** The paths that go (ignored, transport-only, learnt noise) and the paths masked, for one kind of message. */
export interface Compiled {
  remove: PathMatcher;
  /** Masked paths, then (from index `masks` on) texts of which only a part varied. */
  mask: PathMatcher;
  masks: number;
  /** Per text pattern: what stays compared around the part that varied. */
  ends: { prefix: string; suffix: string }[];
}

export function compileRules(o: NormalizeOptions, scope: Scope, key: string): Compiled {
  const applies = (r: PathRule) =>
    r.command !== undefined
      ? (scope.kind === 'response' || scope.kind === 'request') && r.command === scope.name
      : r.event !== undefined
        ? scope.kind === 'event' && r.event === scope.name
        : true;
  const profileOnly = o.profile.transportOnly;
  const transportOnly =
    o.compare.transportOnly?.filter(applies).map((r) => r.path) ??
    (scope.kind === 'event' ? profileOnly.event : scope.kind === 'request' ? profileOnly.request : scope.kind === 'response' ? profileOnly.response : []);
  const noise = o.noise.filter((n) => n.scope === key);
  const of = (vary: 'field' | 'value' | 'text') => noise.filter((n) => (n.vary ?? 'field') === vary);
  const texts = of('text');
  const masks = [...o.compare.mask.filter(applies).map((r) => r.path), ...of('value').map((n) => n.path)];
  return {
    // Each as narrow as it varied: a field that came and went goes, a value is masked, a text keeps its stable ends.
    remove: new PathMatcher([...o.compare.ignore.filter(applies).map((r) => r.path), ...transportOnly, ...of('field').map((n) => n.path)]),
    mask: new PathMatcher([...masks, ...texts.map((n) => n.path)]),
    masks: masks.length,
    ends: texts.map((n) => ({ prefix: n.prefix ?? '', suffix: n.suffix ?? '' })),
  };
}
