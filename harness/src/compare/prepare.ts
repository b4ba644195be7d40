import type { Profile, RequestId } from '../profiles/profile.js';
import type { CompareSettings } from '../settings.js';
import type { BodyLine, NoiseRule } from '../trace/types.js';
import type { Norm } from './norm.js';
import type { GeneratedDir } from './normalize.js';
import { SideBuilder, SLICE } from './side.js';

export type Line = BodyLine & { line?: number };

export interface PrepareOptions {
  profile: Profile;
  compare: CompareSettings;
  noise: readonly NoiseRule[];
  /** This side's generated folders (its data dir), renamed to <dataDir>. */
  dataDirs?: readonly GeneratedDir[];
}

/** A normalized answer. */
export interface PreparedResponse {
  norm: Norm;
  line?: number | undefined;
  /** Index of its line among the lines the side was made of. */
  at: number;
  ok: boolean;
  /** Canonical JSON of its error, for a refusal. */
  error?: string | undefined;
}

export interface PreparedRequest {
  id?: RequestId | undefined;
  command: string;
  line?: number | undefined;
  /** Normalized answers to it, in arrival order (more than one is a duplicate). */
  responses: PreparedResponse[];
}

export interface NormEvent {
  /** The normalized event; its shape text is the alignment key. */
  norm: Norm;
  type: string;
  line?: number | undefined;
  /** Index of its line among the lines the side was made of. */
  at: number;
}

export interface PreparedConn {
  requests: PreparedRequest[];
  /** Answers no request claims (an id nobody sent, or more id-less answers than raw lines). */
  unclaimed: PreparedResponse[];
  /** Events per group (a session's placeholder, or '' for all), in order. */
  groups: Map<string, NormEvent[]>;
}

/** One side of a comparison, normalized: connections in order of first appearance. */
export type PreparedSide = Map<string, PreparedConn>;

/** A cooperative pause: lets socket reads run between slices of normalization. */
export type Yield = () => Promise<void>;

/** Normalizes one side at once (see SideBuilder for the order it names things in). */
export async function prepareSide(lines: readonly Line[], o: PrepareOptions, pause?: Yield): Promise<PreparedSide> {
  const side = new SideBuilder(o);
  let work = 0;
  for (const l of lines) {
    side.add(l);
    if (pause && ++work % SLICE === 0) await pause();
  }
  return side.finish(pause);
}
