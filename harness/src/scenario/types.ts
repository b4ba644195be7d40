import type { JsonObject } from '../profiles/profile.js';
import type { ControlLine, RawLine, RequestLine, StepLine } from '../trace/types.js';

/** A scenario: a named list of steps, from a YAML/JSON file or a TS module. */
export interface Scenario {
  name: string;
  description?: string;
  /** Absolute path of its file; undefined for built-in scenarios. */
  file?: string;
  /** Steps in trace form (requests without ids: the runner numbers them). */
  steps: ScenarioStep[];
}

export type ScenarioStep = (Omit<RequestLine, 'id'> | RawLine | ControlLine) & { sourceLine?: number };

/** What a TS scenario function is given: each call adds a step. */
export interface ScenarioBuilder {
  send(command: string, params?: JsonObject, opts?: { as?: string; conn?: string; until?: string | { event: string; count?: number; match?: JsonObject }; breaksContract?: boolean }): void;
  raw(text: string, opts?: { conn?: string }): void;
  wait(what: number | { event: string; count?: number; match?: JsonObject; as?: string; conn?: string }): void;
  connect(conn: string): void;
  disconnect(conn?: string, opts?: { abrupt?: boolean }): void;
  reconnect(conn?: string): void;
  restart(): void;
}

export type ScenarioFunction = (s: ScenarioBuilder) => void | Promise<void>;

export function stepsOf(lines: readonly StepLine[]): ScenarioStep[] {
  return lines.map((l) => {
    if (l.type !== 'request') return l;
    const { id: _id, ...rest } = l;
    return rest;
  });
}
