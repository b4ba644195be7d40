import type { JsonObject, RequestId } from '../profiles/profile.js';

export const TRACE_FORMAT = 'cutover-trace';
export const TRACE_VERSION = 1;

/**
 * What differed between two recordings of the old path, as narrowly as it varied: never a
 * difference on replay. A field that came and went is left out; a value that varied is masked
 * (its key is still compared); a text that varied in one part keeps the rest compared.
 */
export interface NoiseRule {
  /** `response:<command>` or `event:<type>`. */
  scope: string;
  /** Dotted path, indexes as `*`. */
  path: string;
  /** Absent: `field` (traces of older cutover versions hold only such rules). */
  vary?: 'field' | 'value' | 'text';
  /** vary text: the text starts with this and ends with `suffix` in every recording; only the part between is masked. */
  prefix?: string;
  suffix?: string;
}

export interface TraceHeader {
  type: 'header';
  format: typeof TRACE_FORMAT;
  version: number;
  scenario: string;
  profile: string;
  /** The transport the trace was recorded on. */
  transport: 'stdio' | 'socket';
  cutover: string;
  recordedAt: string;
  /** How many recordings were compared to learn the noise. */
  runs: number;
  noise: NoiseRule[];
  /**
   * Where the exchange came from. Absent: a scenario (`cutover record`). `tap`: real traffic heard by
   * `cutover tap`; there is no scenario to record it again from, so replay keeps it as it is.
   */
  source?: 'scenario' | 'tap';
}

/** Steps: what the harness did. Replay does the same. */
export interface RequestLine {
  type: 'request';
  conn: string;
  /** Absent for profiles that correlate by order. */
  id?: RequestId;
  command: string;
  params?: JsonObject;
  /** The params as the scenario wrote them, with {{name.path}} references, re-resolved on replay. */
  template?: JsonObject;
  /** Binds the response under this name for later templates. */
  as?: string;
  /** Sent to test a refusal: its params break the manifest on purpose and are not validated. */
  breaksContract?: boolean;
}

export interface RawLine {
  type: 'raw';
  conn: string;
  text: string;
}

export type ControlOp = 'connect' | 'disconnect' | 'reconnect' | 'restart' | 'wait';

export interface ControlLine {
  type: 'control';
  op: ControlOp;
  conn?: string;
  /** wait: a fixed pause. */
  ms?: number;
  /** wait: until this many events of this type (default 1) arrived since the last request on conn (or since it opened, with `since`). */
  event?: string;
  count?: number;
  /**
   * wait: `connect` counts from the connection's start. A tapped trace waits this way: an event the
   * app heard after a request may have been caused by an earlier one, and come before it on replay.
   */
  since?: 'request' | 'connect';
  /** wait: the event must contain these values (subset match). */
  match?: JsonObject;
  /** wait: binds the awaited event under this name. */
  as?: string;
  /** disconnect: drop the connection without a clean close. */
  abrupt?: boolean;
}

/** Observations: what the target said, in arrival order. */
export interface ResponseLine {
  type: 'response';
  conn: string;
  message: unknown;
}

export interface EventLine {
  type: 'event';
  conn: string;
  message: unknown;
}

/** A message the profile could not classify. */
export interface MessageLine {
  type: 'message';
  conn: string;
  message: unknown;
}

export interface EndLine {
  type: 'end';
  /** Lines between header and end: a cut on a line boundary is still caught. */
  count: number;
}

export type StepLine = RequestLine | RawLine | ControlLine;
export type ObservationLine = ResponseLine | EventLine | MessageLine;
export type BodyLine = StepLine | ObservationLine;

/** A body line with where it sits in its file (1-based). */
export type Located<T> = T & { line: number };

export interface Trace {
  file: string | undefined;
  header: TraceHeader;
  lines: Located<BodyLine>[];
}

export const isStep = (l: BodyLine): l is StepLine => l.type === 'request' || l.type === 'raw' || l.type === 'control';
