import { cutoverVersion } from '../../../core/src/paths.js';
import type { Profile } from '../profiles/profile.js';
import { TRACE_FORMAT, TRACE_VERSION, type BodyLine, type Located, type Trace } from '../trace/types.js';
import { replayable } from './steps.js';

/** What a tap heard, as a golden trace a replay can take: references for generated values, waits where the app waited. */
export function tappedTrace(lines: readonly BodyLine[], o: { name: string; profile: Profile; transport: 'stdio' | 'socket'; idKeys: readonly string[] }): Trace {
  const body = replayable(lines, o.profile, o.idKeys).map((l, i) => ({ ...l, line: i + 2 })) as Located<BodyLine>[];
  return {
    file: undefined,
    header: {
      type: 'header',
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      scenario: o.name,
      profile: o.profile.name,
      transport: o.transport,
      cutover: cutoverVersion(),
      recordedAt: new Date().toISOString(),
      runs: 1,
      noise: [],
      // No scenario can record it again: replay keeps it as it is.
      source: 'tap',
    },
    lines: body,
  };
}
