// Per-session runtime snapshots and pending interactions, persisted to runtime.json on
// every state transition (never per chunk). This is what lets a pending permission
// survive SIGKILL + restart and show up in agent_get_bootstrap_state.
import path from 'node:path';
import type { StoredPermission, StoredQuestion, SessionRuntimeState } from './types.js';
import { readJson, writeJsonAtomic } from './persistence.js';

type Snapshot = Omit<SessionRuntimeState, 'pendingPermissions' | 'pendingQuestions'>;

interface RuntimeFile {
  snapshots: Snapshot[];
  permissions: StoredPermission[];
  questions: StoredQuestion[];
}

export class RuntimeState {
  private readonly file: string;
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly permissions = new Map<string, StoredPermission>();
  private readonly questions = new Map<string, StoredQuestion>();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'runtime.json');
  }

  load(): void {
    const saved = readJson<RuntimeFile>(this.file, { snapshots: [], permissions: [], questions: [] });
    for (const s of saved.snapshots) this.snapshots.set(s.sessionId, s);
    for (const p of saved.permissions) this.permissions.set(p.permissionId, p);
    for (const q of saved.questions) this.questions.set(q.questionId, q);
    // A turn that was streaming when the process died cannot continue (its chunks were
    // never produced); say so instead of showing a spinner forever. Turns waiting on the
    // user are intact: their continuation only needs the persisted pending record.
    for (const s of this.snapshots.values()) {
      const waitingOnNothing =
        (s.runState === 'waiting_permission' && this.pendingPermissions(s.sessionId).length === 0) ||
        (s.runState === 'waiting_question' && this.pendingQuestions(s.sessionId).length === 0);
      if (s.runState === 'running' || waitingOnNothing) {
        Object.assign(s, idle(s.sessionId), { lastError: 'turn interrupted by restart' });
      }
    }
    this.persist();
  }

  persist(): void {
    const data: RuntimeFile = {
      snapshots: [...this.snapshots.values()],
      permissions: [...this.permissions.values()],
      questions: [...this.questions.values()],
    };
    writeJsonAtomic(this.file, { version: 1, ...data });
  }

  snapshot(sessionId: string): SessionRuntimeState {
    const base = this.snapshots.get(sessionId) ?? idle(sessionId);
    return {
      ...base,
      pendingPermissions: this.pendingPermissions(sessionId).map((p) => p.permissionId),
      pendingQuestions: this.pendingQuestions(sessionId).map((q) => q.questionId),
    };
  }

  update(sessionId: string, patch: Partial<Snapshot>): SessionRuntimeState {
    const next = { ...(this.snapshots.get(sessionId) ?? idle(sessionId)), ...patch, sessionId };
    this.snapshots.set(sessionId, next);
    this.persist();
    return this.snapshot(sessionId);
  }

  addPermission(permission: StoredPermission): void {
    this.permissions.set(permission.permissionId, permission);
    this.persist();
  }

  /**
   * Removes and returns the pending permission; refuses ids of another session. Not
   * persisted here: the caller's next update() writes both changes in one file write.
   */
  takePermission(sessionId: string, permissionId: string): StoredPermission {
    const p = this.permissions.get(permissionId);
    if (!p || p.sessionId !== sessionId) throw new Error(`no pending permission: ${permissionId}`);
    this.permissions.delete(permissionId);
    return p;
  }

  addQuestion(question: StoredQuestion): void {
    this.questions.set(question.questionId, question);
    this.persist();
  }

  takeQuestion(sessionId: string, questionId: string): StoredQuestion {
    const q = this.questions.get(questionId);
    if (!q || q.sessionId !== sessionId) throw new Error(`no pending question: ${questionId}`);
    this.questions.delete(questionId);
    return q;
  }

  pendingPermissions(sessionId?: string): StoredPermission[] {
    return [...this.permissions.values()].filter((p) => !sessionId || p.sessionId === sessionId);
  }

  pendingQuestions(sessionId?: string): StoredQuestion[] {
    return [...this.questions.values()].filter((q) => !sessionId || q.sessionId === sessionId);
  }

  forget(sessionId: string): void {
    this.snapshots.delete(sessionId);
    for (const p of this.pendingPermissions(sessionId)) this.permissions.delete(p.permissionId);
    for (const q of this.pendingQuestions(sessionId)) this.questions.delete(q.questionId);
    this.persist();
  }
}

function idle(sessionId: string): Snapshot {
  return {
    sessionId,
    runState: 'idle',
    isStreaming: false,
    activeTurnId: null,
    activeToolIds: [],
    lastError: null,
  };
}
