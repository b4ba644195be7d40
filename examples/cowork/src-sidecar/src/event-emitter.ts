// The one producer of events. Every event gets seq + timestamp here and lands in the
// replay log before any sink sees it, so a client that misses a push can always fetch
// it with agent_get_events_since. Sinks (the transports) decide what goes on the wire.
import type { AgentEvent, EventType } from './types.js';
import type { EventLog } from './event-log.js';
import { now } from './ids.js';

export type EventSink = (event: AgentEvent) => void;

export class EventEmitter {
  private readonly sinks = new Set<EventSink>();

  constructor(private readonly log: EventLog) {}

  /** Returns an unsubscribe function. */
  addSink(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit(type: EventType, sessionId: string | null, data: unknown): AgentEvent {
    // Key order of the seed's envelope: { seq, timestamp, type, sessionId, data }.
    const event: AgentEvent = {
      seq: this.log.nextSeq(),
      timestamp: now(),
      type,
      ...(sessionId !== null ? { sessionId } : {}),
      data,
    };
    this.log.append(event);
    for (const sink of this.sinks) sink(event);
    return event;
  }
}

/** The legacy stdio envelope: no seq, no timestamp. */
export function toLegacyEvent(event: AgentEvent): Omit<AgentEvent, 'seq' | 'timestamp'> {
  const { seq: _seq, timestamp: _timestamp, ...legacy } = event;
  return legacy;
}

/** Not sequenced: it describes the process, not the agent's history. */
export function readyEvent(data: Record<string, unknown>): { type: 'ready'; data: unknown } {
  return { type: 'ready', data };
}
