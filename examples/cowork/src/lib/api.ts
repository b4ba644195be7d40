// Every backend call the UI makes, in one place. Argument names are the Rust command's
// parameter names in camelCase (Tauri converts `session_id` to `sessionId`).
import { invoke } from '@tauri-apps/api/core';
import type {
  BootstrapState,
  CreateSessionOptions,
  CronJob,
  DaemonHealth,
  EventsSince,
  ServiceMode,
  ServiceStatus,
  SessionDetail,
  SessionInfo,
  WorkflowInfo,
  WorkflowRun,
} from './types';

// ---- sessions
export const createSession = (options: CreateSessionOptions = {}) =>
  invoke<SessionInfo>('agent_create_session', { options });
export const listSessions = () => invoke<SessionInfo[]>('agent_list_sessions');
export const getSession = (sessionId: string) => invoke<SessionDetail>('agent_get_session', { sessionId });
export const deleteSession = (sessionId: string) => invoke<void>('agent_delete_session', { sessionId });

// ---- turns and interactions
export const sendMessage = (sessionId: string, content: string) =>
  invoke<{ turnId: string }>('agent_send_message', { sessionId, content });
export const stopGeneration = (sessionId: string) =>
  invoke<{ stopped: boolean }>('agent_stop_generation', { sessionId });
export const respondPermission = (sessionId: string, permissionId: string, decision: 'allow' | 'deny') =>
  invoke('agent_respond_permission', { sessionId, permissionId, decision });
export const answerQuestion = (sessionId: string, questionId: string, answer: string) =>
  invoke('agent_answer_question', { sessionId, questionId, answer });

// ---- catch-up
export const getBootstrapState = () => invoke<BootstrapState>('agent_get_bootstrap_state');
export const getEventsSince = (sinceSeq: number) => invoke<EventsSince>('agent_get_events_since', { sinceSeq });
export const subscribeEvents = () => invoke<{ subscribed: boolean; latestSeq: number }>('agent_subscribe_events');

// ---- daemon and service
export const daemonHealth = () => invoke<DaemonHealth>('daemon_health');
export const daemonReady = () => invoke<{ ready: boolean }>('daemon_ready');
export const serviceStatus = () => invoke<ServiceStatus>('service_status');
export const getServiceMode = () => invoke<{ mode: ServiceMode }>('service_get_mode');
export const setServiceMode = (mode: ServiceMode) =>
  invoke<{ mode: ServiceMode; previousMode: ServiceMode }>('service_set_mode', { mode });

// ---- automations
export const listCronJobs = () => invoke<CronJob[]>('cron_list_jobs');
export const createCronJob = (name: string, schedule: string, workflowId?: string) =>
  invoke<CronJob>('cron_create_job', { name, schedule, workflowId });
export const listWorkflows = () => invoke<WorkflowInfo[]>('workflow_list');
export const runWorkflow = (workflowId: string, input?: string) =>
  invoke<WorkflowRun>('workflow_run', { workflowId, input });
