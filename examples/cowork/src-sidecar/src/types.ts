// The sidecar's contract: wire envelopes, persisted state and one params interface per
// command. cutover's manifest extractor reads this file, so every command's params live
// here under a name the handler in ipc-handler.ts annotates.

export const EVENT_TYPES = [
  'ready',
  'session:created',
  'session:updated',
  'stream:start',
  'stream:chunk',
  'stream:done',
  'tool:start',
  'tool:result',
  'permission:request',
  'permission:resolved',
  'question:ask',
  'question:answered',
  'error',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Envelope as kept in the replay buffer. Stdio strips seq/timestamp (the legacy shape). */
export interface AgentEvent {
  seq: number;
  timestamp: string;
  type: EventType;
  sessionId?: string;
  data: unknown;
}

export type RequestId = string | number;

export interface IpcRequest {
  id: RequestId;
  command: string;
  params?: Record<string, unknown>;
  authToken?: string;
}

export type IpcResponse =
  | { id: RequestId | null; success: true; result: unknown }
  | { id: RequestId | null; success: false; error: string };

// ---- persisted state -------------------------------------------------------------------

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

export interface Session extends SessionInfo {
  messages: ChatMessage[];
}

export type RunState = 'idle' | 'running' | 'waiting_permission' | 'waiting_question' | 'error';

export interface SessionRuntimeState {
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

/** On disk the turn's content rides along, so the turn can be resumed after a restart. */
export interface StoredPermission extends PendingPermission {
  content: string;
}
export interface StoredQuestion extends PendingQuestion {
  content: string;
}

export interface BootstrapState {
  sessions: SessionInfo[];
  runtime: Record<string, SessionRuntimeState>;
  pendingPermissions: PendingPermission[];
  pendingQuestions: PendingQuestion[];
  latestSeq: number;
}

export type ServiceMode = 'user' | 'system';

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
  status: 'completed';
  output: string;
  finishedAt: string;
}

// ---- lifecycle -----------------------------------------------------------------------

/** What daemon_health answers: `ready` turns true once state is loaded (stdio: after initialize). */
export interface DaemonHealth {
  status: 'ok' | 'starting';
  ready: boolean;
  uptimeMs: number;
  /** Known once state is loaded. */
  sessionCount?: number;
  latestSeq?: number;
}

export interface InitializeResult {
  initialized: true;
  protocolVersion: number;
}

// ---- command params (what each handler reads) ------------------------------------------

/** The host app's first command on stdio: where the app keeps its data. */
export interface InitializeParams {
  appDataDir: string;
}

export interface CreateSessionParams {
  title?: string;
  model?: string;
  tags?: string[];
}
export interface GetSessionParams {
  sessionId: string;
}
export interface DeleteSessionParams {
  sessionId: string;
}
export interface SendMessageParams {
  sessionId: string;
  content: string;
}
export interface StopGenerationParams {
  sessionId: string;
}
export interface RespondPermissionParams {
  sessionId: string;
  permissionId: string;
  decision: 'allow' | 'deny';
}
export interface AnswerQuestionParams {
  sessionId: string;
  questionId: string;
  answer: string;
}
export interface EventsSinceParams {
  sinceSeq?: number;
}
export interface SubscribeEventsParams {
  clientLabel?: string;
}
export interface SetServiceModeParams {
  mode: ServiceMode;
}
export interface CreateCronJobParams {
  name: string;
  schedule: string;
  workflowId?: string;
}
export interface RunWorkflowParams {
  workflowId: string;
  input?: string;
}
/** For commands that take nothing; kept explicit so the manifest shows an empty object. */
export type NoParams = Record<string, never>;
