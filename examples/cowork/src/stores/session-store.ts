// UI state for sessions and live turns. It hydrates from one bootstrap call, then
// follows the seq cursor: on (re)connect it asks for the events it missed, and when the
// cursor fell out of the replay buffer it starts over from bootstrap.
import * as api from '../lib/api';
import type {
  PendingPermission,
  PendingQuestion,
  RuntimeSnapshot,
  SessionInfo,
  StreamChunk,
} from '../lib/types';

type Listener = () => void;

export class SessionStore {
  sessions: SessionInfo[] = [];
  runtime: Record<string, RuntimeSnapshot> = {};
  pendingPermissions: PendingPermission[] = [];
  pendingQuestions: PendingQuestion[] = [];
  /** Streamed text per turn, for the message being written right now. */
  drafts: Record<string, string> = {};
  /** Last seq applied; null on the legacy stdio path, whose events carry no seq. */
  cursor: number | null = null;
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async hydrate(): Promise<void> {
    const state = await api.getBootstrapState();
    this.sessions = state.sessions;
    this.runtime = state.runtime;
    this.pendingPermissions = state.pendingPermissions;
    this.pendingQuestions = state.pendingQuestions;
    this.cursor = state.latestSeq;
    this.changed();
    await this.catchUp();
  }

  /** Called on reconnect: fetch what happened while we were away. */
  async catchUp(): Promise<void> {
    if (this.cursor === null) return this.hydrate();
    const missed = await api.getEventsSince(this.cursor);
    if ('stale' in missed) {
      // Replaying is impossible; a fresh bootstrap is the only consistent view.
      this.cursor = null;
      return this.hydrate();
    }
    for (const event of missed.events) this.apply(event.type, event.sessionId ?? null, event.data, event.seq);
  }

  /** Applies one event, live or replayed. Events at or behind the cursor are duplicates. */
  apply(type: string, sessionId: string | null, data: unknown, seq: number | null): void {
    if (seq !== null && this.cursor !== null && seq <= this.cursor) return;
    if (seq !== null) this.cursor = seq;
    const d = data as Record<string, any>;
    switch (type) {
      case 'session:created':
        this.sessions = [...this.sessions, d.session];
        break;
      case 'session:updated':
        this.sessions = d.deleted
          ? this.sessions.filter((s) => s.id !== d.sessionId)
          : this.sessions.map((s) => (s.id === d.session.id ? d.session : s));
        break;
      case 'stream:chunk': {
        const chunk = d as StreamChunk;
        this.drafts[chunk.turnId] = (this.drafts[chunk.turnId] ?? '') + chunk.text;
        break;
      }
      case 'stream:done':
        delete this.drafts[d.turnId];
        this.pendingPermissions = this.pendingPermissions.filter((p) => p.turnId !== d.turnId);
        this.pendingQuestions = this.pendingQuestions.filter((q) => q.turnId !== d.turnId);
        break;
      case 'permission:request':
        this.pendingPermissions = [...this.pendingPermissions, d as PendingPermission];
        break;
      case 'permission:resolved':
        this.pendingPermissions = this.pendingPermissions.filter((p) => p.permissionId !== d.permissionId);
        break;
      case 'question:ask':
        this.pendingQuestions = [...this.pendingQuestions, d as PendingQuestion];
        break;
      case 'question:answered':
        this.pendingQuestions = this.pendingQuestions.filter((q) => q.questionId !== d.questionId);
        break;
      default:
        if (sessionId) void this.refreshRuntime();
    }
    this.changed();
  }

  /** Runtime snapshots are cheap to refetch and not worth mirroring event by event. */
  async refreshRuntime(): Promise<void> {
    const state = await api.getBootstrapState();
    this.runtime = state.runtime;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
