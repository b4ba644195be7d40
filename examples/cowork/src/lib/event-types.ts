// The Tauri event names the UI listens to: the sidecar's event type under the `agent:`
// prefix (src-tauri/src/events.rs), plus the one the Rust layer emits itself.

export const AGENT_EVENTS = {
  ready: 'agent:ready',
  sessionCreated: 'agent:session:created',
  sessionUpdated: 'agent:session:updated',
  streamStart: 'agent:stream:start',
  streamChunk: 'agent:stream:chunk',
  streamDone: 'agent:stream:done',
  toolStart: 'agent:tool:start',
  toolResult: 'agent:tool:result',
  permissionRequest: 'agent:permission:request',
  permissionResolved: 'agent:permission:resolved',
  questionAsk: 'agent:question:ask',
  questionAnswered: 'agent:question:answered',
  error: 'agent:error',
  serviceModeChanged: 'agent:service_mode_changed',
} as const;

export type AgentEventName = (typeof AGENT_EVENTS)[keyof typeof AGENT_EVENTS];
