// The single command router. Every command the Rust layer forwards is registered here,
// once, for both transports: that is what makes stdio and daemon answers identical.
import { log } from './log.js';
import type { Runtime } from './runtime/bootstrap.js';
import type { RequestContext } from './runtime/transport.js';
import type {
  AnswerQuestionParams,
  DaemonHealth,
  InitializeParams,
  InitializeResult,
  BootstrapState,
  CreateCronJobParams,
  CreateSessionParams,
  DeleteSessionParams,
  EventsSinceParams,
  GetSessionParams,
  IpcRequest,
  IpcResponse,
  NoParams,
  RespondPermissionParams,
  RunWorkflowParams,
  SendMessageParams,
  SetServiceModeParams,
  StopGenerationParams,
  SubscribeEventsParams,
} from './types.js';

type Handler<P> = (params: P, ctx: RequestContext) => unknown;

const handlers = new Map<string, Handler<never>>();

export function registerHandler<P>(command: string, handler: Handler<P>): void {
  if (handlers.has(command)) throw new Error(`duplicate handler: ${command}`);
  handlers.set(command, handler as Handler<never>);
}

export function registeredCommands(): string[] {
  return [...handlers.keys()].sort();
}

/** How the process gets its state: initialize on stdio, loading after it listens as a daemon. */
export interface Lifecycle {
  /** The loaded runtime; null before initialize (stdio) or while loading (daemon). */
  runtime(): Runtime | null;
  initialize(appDataDir: string): Promise<InitializeResult>;
  /** The error every other command gets until then. */
  notReady: string;
  startedAt: number;
}

// Answered before state is loaded: the host's first command, and the health a client polls.
const ALWAYS_ANSWERED = new Set(['initialize', 'daemon_health']);
let lifecycle: Lifecycle | null = null;

export function registerLifecycleHandlers(l: Lifecycle): void {
  lifecycle = l;
  registerHandler('initialize', async (params: InitializeParams) => l.initialize(need(params.appDataDir, 'appDataDir')));
  registerHandler('daemon_health', async (_params: NoParams): Promise<DaemonHealth> => {
    const rt = l.runtime();
    const uptimeMs = Date.now() - l.startedAt;
    if (!rt) return { status: 'starting', ready: false, uptimeMs };
    return { status: 'ok', ready: true, uptimeMs, sessionCount: rt.sessions.list().length, latestSeq: rt.log.latestSeq };
  });
}

export async function handleRequest(request: IpcRequest, ctx: RequestContext): Promise<IpcResponse> {
  if (lifecycle && !lifecycle.runtime() && !ALWAYS_ANSWERED.has(request.command)) {
    return { id: request.id, success: false, error: lifecycle.notReady };
  }
  const handler = handlers.get(request.command);
  if (!handler) return { id: request.id, success: false, error: `unknown command: ${request.command}` };
  try {
    const result = await handler((request.params ?? {}) as never, ctx);
    return { id: request.id, success: true, result: result ?? null };
  } catch (err) {
    return { id: request.id, success: false, error: (err as Error).message };
  }
}

/** Handlers read untyped JSON; this turns a missing field into an error the caller can act on. */
function need<T>(value: T | undefined | null, name: string, type = 'string'): T {
  if (value === undefined || value === null || typeof value !== type) {
    throw new Error(`missing or invalid param: ${name} (expected ${type})`);
  }
  return value;
}

function optional<T>(value: T | undefined | null, name: string, type = 'string'): T | undefined {
  return value === undefined || value === null ? undefined : need(value, name, type);
}

export function registerCoworkHandlers(rt: Runtime): void {
  // ---- sessions
  registerHandler('agent_create_session', async (params: CreateSessionParams) => {
    const tags = optional(params.tags, 'tags', 'object');
    if (tags && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) {
      throw new Error('missing or invalid param: tags (expected an array of strings)');
    }
    const session = rt.sessions.create({
      title: optional(params.title, 'title'),
      model: optional(params.model, 'model'),
      tags,
    });
    rt.events.emit('session:created', session.id, { session });
    return session;
  });
  registerHandler('agent_list_sessions', async (_params: NoParams) => rt.sessions.list());
  registerHandler('agent_get_session', async (params: GetSessionParams) =>
    rt.sessions.get(need(params.sessionId, 'sessionId')),
  );
  registerHandler('agent_delete_session', async (params: DeleteSessionParams) => {
    const sessionId = need(params.sessionId, 'sessionId');
    rt.sessions.get(sessionId);
    rt.runner.stop(sessionId, true);
    rt.state.forget(sessionId);
    rt.sessions.delete(sessionId);
    rt.events.emit('session:updated', sessionId, { sessionId, deleted: true });
    return { deleted: true };
  });

  // ---- turns and interactions
  registerHandler('agent_send_message', async (params: SendMessageParams) =>
    rt.runner.sendMessage(need(params.sessionId, 'sessionId'), need(params.content, 'content')),
  );
  registerHandler('agent_stop_generation', async (params: StopGenerationParams) =>
    rt.runner.stop(need(params.sessionId, 'sessionId')),
  );
  registerHandler('agent_respond_permission', async (params: RespondPermissionParams) =>
    rt.runner.respondPermission(
      need(params.sessionId, 'sessionId'),
      need(params.permissionId, 'permissionId'),
      need(params.decision, 'decision'),
    ),
  );
  registerHandler('agent_answer_question', async (params: AnswerQuestionParams) =>
    rt.runner.answerQuestion(
      need(params.sessionId, 'sessionId'),
      need(params.questionId, 'questionId'),
      need(params.answer, 'answer'),
    ),
  );

  // ---- catch-up: bootstrap once, then follow the seq cursor
  registerHandler('agent_get_bootstrap_state', async (_params: NoParams): Promise<BootstrapState> => {
    const sessions = rt.sessions.list();
    return {
      sessions,
      runtime: Object.fromEntries(sessions.map((s) => [s.id, rt.state.snapshot(s.id)])),
      pendingPermissions: rt.state.pendingPermissions().map(({ content: _c, ...p }) => p),
      pendingQuestions: rt.state.pendingQuestions().map(({ content: _c, ...q }) => q),
      latestSeq: rt.log.latestSeq,
    };
  });
  registerHandler('agent_get_events_since', async (params: EventsSinceParams) => {
    const sinceSeq = params.sinceSeq ?? 0;
    if (!Number.isInteger(sinceSeq) || sinceSeq < 0) {
      throw new Error('missing or invalid param: sinceSeq (expected a non-negative integer)');
    }
    return rt.log.since(sinceSeq);
  });
  registerHandler('agent_subscribe_events', async (params: SubscribeEventsParams, ctx) => {
    // The label names the window that subscribed, so a daemon log can tell its clients apart.
    log(`events subscribed by ${optional(params.clientLabel, 'clientLabel') ?? 'an unnamed client'}`);
    ctx.subscribe();
    return { subscribed: true, latestSeq: rt.log.latestSeq };
  });

  // ---- daemon and service (daemon_health is a lifecycle handler: it answers while loading)
  // Registered only once state is loaded, so answering at all means ready.
  registerHandler('daemon_ready', async (_params: NoParams) => ({ ready: true }));
  registerHandler('service_status', async (_params: NoParams) => rt.services.status());
  registerHandler('service_get_mode', async (_params: NoParams) => rt.services.getMode());
  registerHandler('service_set_mode', async (params: SetServiceModeParams) =>
    rt.services.setMode(need(params.mode, 'mode')),
  );

  // ---- automations
  registerHandler('cron_list_jobs', async (_params: NoParams) => rt.services.listCronJobs());
  registerHandler('cron_create_job', async (params: CreateCronJobParams) =>
    rt.services.createCronJob({
      name: need(params.name, 'name'),
      schedule: need(params.schedule, 'schedule'),
      workflowId: optional(params.workflowId, 'workflowId'),
    }),
  );
  registerHandler('workflow_list', async (_params: NoParams) => rt.services.listWorkflows());
  registerHandler('workflow_run', async (params: RunWorkflowParams) =>
    rt.services.runWorkflow(need(params.workflowId, 'workflowId'), optional(params.input, 'input')),
  );
}
