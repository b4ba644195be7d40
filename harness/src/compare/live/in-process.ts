import { matchSides, type Difference } from '../compare.js';
import { prepareSide } from '../prepare.js';
import { SideBuilder } from '../side.js';
import type { GeneratedDir } from '../normalize.js';
import type { LiveComparison, LiveInit } from './types.js';

const pause = () => new Promise<void>((r) => setImmediate(r));

/**
 * Both sides in this thread: the golden side is normalized in slices between socket reads (or,
 * in the comparison thread, between batches of lines), the other shaped as its lines come.
 */
export function inProcessComparison(init: LiveInit): LiveComparison {
  const base = { profile: init.profile, compare: init.compare, noise: init.noise };
  const golden = prepareSide(init.golden.lines, base, pause);
  golden.catch(() => {});
  let actual: SideBuilder | undefined;
  const side = (dataDirs: readonly GeneratedDir[] = []) => (actual ??= new SideBuilder({ ...base, dataDirs }, true));
  return {
    mode: 'in-process',
    begin(dataDirs) {
      side(dataDirs);
    },
    observe(line) {
      side().add(line);
    },
    async end(): Promise<Difference[]> {
      return matchSides(await golden, await side().finish(), {});
    },
    async dispose() {},
  };
}
