// What the Rust commands return (camelCase, as serialized by serde) and what the
// `agent:*` events carry. Mirrors src-tauri/src/types.rs and the sidecar's types.ts.

export interface SessionInfo {
  id: string;
  title: string;
  model: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  messageCount: number;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  turnId: string;
  createdAt: string;
}

export interface SessionDetail extends SessionInfo {
  messages: ChatMessage[];
}

export interface CreateSessionOptions {
  title?: string;
  model?: string;
  tags?: string[];
}

export type RunState = 'idle' | 'running' | 'waiting_permission' | 'waiting_question' | 'error';

export interface RuntimeSnapshot {
  sessionId: string;
  runState: RunState;
  isStreaming: boolean;
  activeTurnId: string | null;
  activeToolIds: string[];
  pendingPermissions: string[];
  pendingQuestions: string[];
  lastError: string | null;
}

export interface PendingPermission {
  permissionId: string;
  sessionId: string;
  turnId: string;
  toolName: string;
  description: string;
  requestedAt: string;
}

export interface PendingQuestion {
  questionId: string;
  sessionId: string;
  turnId: string;
  question: string;
  options: string[];
  askedAt: string;
}

export interface BootstrapState {
  sessions: SessionInfo[];
  runtime: Record<string, RuntimeSnapshot>;
  pendingPermissions: PendingPermission[];
  pendingQuestions: PendingQuestion[];
  latestSeq: number;
}

/** An event as the sidecar records it (what agent_get_events_since returns). */
export interface SidecarEvent<T = unknown> {
  seq: number;
  timestamp: string;
  type: string;
  sessionId?: string;
  data: T;
}

export type EventsSince =
  | { events: SidecarEvent[]; latestSeq: number }
  | { stale: true; oldestSeq: number; latestSeq: number };

/** The payload of every `agent:*` Tauri event (see src-tauri/src/events.rs). */
export interface AgentEventPayload<T = unknown> {
  sessionId: string | null;
  seq: number | null;
  data: T;
}

export interface StreamChunk {
  turnId: string;
  index: number;
  text: string;
}

export type ServiceMode = 'user' | 'system';

export interface ServiceStatus {
  running: boolean;
  mode: ServiceMode;
  pid: number;
  uptimeMs: number;
}

export interface DaemonHealth {
  status: string;
  uptimeMs: number;
  sessionCount: number;
  latestSeq: number;
}

export interface CronJob {
  id: string;
  name: string;
  schedule: string;
  workflowId: string | null;
  enabled: boolean;
  createdAt: string;
}

export interface WorkflowRun {
  runId: string;
  workflowId: string;
  status: string;
  output: string;
  finishedAt: string;
}

export interface WorkflowInfo {
  id: string;
  name: string;
  description: string;
  lastRun: WorkflowRun | null;
}
