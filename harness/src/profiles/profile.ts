import type { Framing } from '../framing/framing.js';

export type JsonObject = Record<string, unknown>;
export type RequestId = string | number;

/** What an incoming message is, as far as the harness needs to know. */
export type Incoming =
  | { kind: 'response'; id: RequestId | null; ok: boolean }
  | { kind: 'event'; type: string }
  | { kind: 'ready' }
  | { kind: 'unknown'; why: string };

export interface RequestSpec {
  /** Absent for profiles that correlate by order. */
  id?: RequestId;
  command: string;
  params?: JsonObject;
}

/**
 * A protocol profile: framing plus envelope. One file per profile under `profiles/`,
 * listed in `profiles/registry.ts`. The harness speaks only through this interface, so a
 * new wire protocol is one file.
 */
export interface Profile {
  readonly name: string;
  readonly description: string;
  readonly framing: Framing;
  /** `id`: responses carry the request id; `order`: one request at a time, answered in order. */
  readonly correlation: 'id' | 'order';
  /** Builds the wire request. */
  request(spec: RequestSpec): JsonObject;
  /** Reads a wire request back (traces store the wire form). */
  parseRequest(msg: JsonObject): RequestSpec | undefined;
  classify(msg: unknown): Incoming;
  /** JSON paths (dotted) inside a message, for the parts other checks need. */
  readonly paths: {
    /** Where a response's success payload is. */
    result: string;
    /** Where a refusal says why (its error). */
    error: string;
    /** Where a request's params are. */
    params: string;
    /** Where an event's payload is. */
    eventData: string;
    /** Where an event names its session (events are ordered strictly within one session). */
    eventSession: string;
    /** Where an event carries its sequence number, if the protocol has one. */
    eventSeq: string;
  };
  /** Fields only the daemon path has: never a difference unless configured otherwise. */
  readonly transportOnly: { request: string[]; response: string[]; event: string[] };
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
