import type { Profile } from '../../profiles/profile.js';
import type { CompareSettings } from '../../settings.js';
import type { BodyLine, NoiseRule } from '../../trace/types.js';
import type { Difference } from '../compare.js';
import type { Line } from '../prepare.js';
import type { GeneratedDir } from '../normalize.js';

export interface LiveInit {
  profile: Profile;
  compare: CompareSettings;
  noise: readonly NoiseRule[];
  /** The golden side, known up front; `text` is the trace file it was parsed from, when there is one. */
  golden: { lines: readonly Line[]; text?: string | undefined };
}

/**
 * A comparison that runs while the exchange does: the golden side is normalized meanwhile
 * and every message the target sends is shaped as it arrives, so only naming and matching
 * are left once the exchange ends.
 */
export interface LiveComparison {
  /** Where the work runs. */
  readonly mode: 'in-process' | 'worker';
  /** The target is up: its generated folders (data dir) are known. */
  begin(dataDirs: readonly GeneratedDir[]): void;
  /** A line of the exchange, in arrival order; `text` is the frame a message was parsed from. */
  observe(line: BodyLine, text?: string): void;
  /** Every line is in: the differences between the golden side and this one. */
  end(): Promise<Difference[]>;
  /** Ends the work whatever state it is in (also after end). */
  dispose(): Promise<void>;
}
