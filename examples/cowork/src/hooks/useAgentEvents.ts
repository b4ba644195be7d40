// Bridges the backend's `agent:*` Tauri events into the session store. Mounted once at
// the app root; on `agent:ready` (the backend (re)started) it catches up by cursor.
import { useEffect } from 'react';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { AGENT_EVENTS } from '../lib/event-types';
import type { AgentEventPayload, StreamChunk } from '../lib/types';
import type { SessionStore } from '../stores/session-store';

const PREFIX = 'agent:';

export function useAgentEvents(store: SessionStore): void {
  useEffect(() => {
    const forward = (name: string) => (event: { payload: AgentEventPayload }) =>
      store.apply(name.slice(PREFIX.length), event.payload.sessionId, event.payload.data, event.payload.seq);

    const subscriptions: Promise<UnlistenFn>[] = [
      // The hot path gets its own typed listener: it fires once per streamed chunk.
      listen<AgentEventPayload<StreamChunk>>(AGENT_EVENTS.streamChunk, (event) =>
        store.apply('stream:chunk', event.payload.sessionId, event.payload.data, event.payload.seq),
      ),
      listen(AGENT_EVENTS.ready, () => void store.catchUp()),
      listen(AGENT_EVENTS.serviceModeChanged, () => void store.refreshRuntime()),
    ];

    const forwarded = [
      AGENT_EVENTS.sessionCreated,
      AGENT_EVENTS.sessionUpdated,
      AGENT_EVENTS.streamStart,
      AGENT_EVENTS.streamDone,
      AGENT_EVENTS.toolStart,
      AGENT_EVENTS.toolResult,
      AGENT_EVENTS.permissionRequest,
      AGENT_EVENTS.permissionResolved,
      AGENT_EVENTS.questionAsk,
      AGENT_EVENTS.questionAnswered,
      AGENT_EVENTS.error,
    ];
    for (const name of forwarded) {
      subscriptions.push(listen<AgentEventPayload>(name, forward(name)));
    }

    void store.hydrate();
    return () => {
      for (const subscription of subscriptions) void subscription.then((unlisten) => unlisten());
    };
  }, [store]);
}
