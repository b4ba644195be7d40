import type { PathRule } from '../settings.js';
import { PathMatcher } from './json-path.js';
import type { NormalizeOptions, Scope } from './normalize.js';

/** The paths that go (ignored, transport-only, learnt noise) and the paths masked, for one kind of message. */
export interface Compiled {
  remove: PathMatcher;
  mask: PathMatcher;
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
  const noise = o.noise.filter((n) => n.scope === key).map((n) => n.path);
  return {
    // Noise goes whole: a field that came and went between two recordings is as unstable as its value.
    remove: new PathMatcher([...o.compare.ignore.filter(applies).map((r) => r.path), ...transportOnly, ...noise]),
    mask: new PathMatcher(o.compare.mask.filter(applies).map((r) => r.path)),
  };
}
