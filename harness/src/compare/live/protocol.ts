import type { CompareSettings } from '../../settings.js';
import type { BodyLine, NoiseRule } from '../../trace/types.js';
import type { Difference } from '../compare.js';
import type { Line } from '../prepare.js';
import type { GeneratedDir } from '../normalize.js';

/** What the comparison thread starts with. */
export interface ThreadInit {
  profile: string;
  compare: CompareSettings;
  noise: readonly NoiseRule[];
  golden: { text: string } | { lines: readonly Line[] };
}

/**
 * A line of the exchange on its way to the thread. A message goes as the frame text it was
 * parsed from, `[type, conn, text]`: copying a string across threads costs a fraction of
 * copying the object, and the thread parses it on its own core.
 */
export type Item = BodyLine | [type: 'response' | 'event' | 'message', conn: string, text: string];

export type ToThread = { t: 'begin'; dataDirs: readonly GeneratedDir[] } | { t: 'lines'; items: Item[] } | { t: 'end' };

export type FromThread = { t: 'done'; differences: Difference[] } | { t: 'error'; message: string; stack?: string | undefined };
