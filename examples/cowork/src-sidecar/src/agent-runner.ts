// Runs fake agent turns. A turn is two phases: stream the intro (plus optional tool),
// then either finish or park on a permission/question. Parking keeps no promise in
// memory: the persisted pending record is all phase two needs, so an answer given
// after a crash and restart resumes the turn exactly like one given before it.
import type { EventEmitter } from './event-emitter.js';
import type { RuntimeState } from './runtime-state.js';
import type { SessionStore } from './session-store.js';
import type { StoredPermission, StoredQuestion } from './types.js';
import * as script from './agent-script.js';
import { newId, now } from './ids.js';

type TurnStatus = 'completed' | 'stopped' | 'error';

interface LiveTurn {
  sessionId: string;
  turnId: string;
  index: number;
  text: string;
  stopped: boolean;
  abandoned: boolean;
}

export class AgentRunner {
  private readonly live = new Map<string, LiveTurn>();

  constructor(
    private readonly sessions: SessionStore,
    private readonly runtime: RuntimeState,
    private readonly events: EventEmitter,
    private readonly chunkDelayMs: number,
  ) {}

  sendMessage(sessionId: string, content: string): { turnId: string } {
    this.sessions.get(sessionId);
    const busy = this.runtime.snapshot(sessionId).activeTurnId;
    if (busy) throw new Error(`session busy: ${sessionId} is running turn ${busy}`);
    const turnId = newId('t');
    this.sessions.addMessage(sessionId, { role: 'user', content, turnId });
    this.runtime.update(sessionId, { runState: 'running', isStreaming: true, activeTurnId: turnId, lastError: null });
    const turn = this.track(sessionId, turnId, 0, '');
    // Deferred so the {turnId} response is on the wire before stream:start.
    setImmediate(() => void this.guard(turn, () => this.phaseOne(turn, content)));
    return { turnId };
  }

  respondPermission(sessionId: string, permissionId: string, decision: 'allow' | 'deny'): { resolved: true } {
    if (decision !== 'allow' && decision !== 'deny') throw new Error(`invalid decision: ${String(decision)}`);
    const pending = this.runtime.takePermission(sessionId, permissionId);
    this.events.emit('permission:resolved', sessionId, { turnId: pending.turnId, permissionId, decision });
    const turn = this.resume(pending);
    void this.guard(turn, async () => {
      if (decision === 'allow') await this.runTool(turn, pending.toolName, { path: 'notes.md' }, 'ok');
      await this.streamAndFinish(turn, script.afterPermission(decision));
    });
    return { resolved: true };
  }

  answerQuestion(sessionId: string, questionId: string, answer: string): { answered: true } {
    const pending = this.runtime.takeQuestion(sessionId, questionId);
    this.events.emit('question:answered', sessionId, { turnId: pending.turnId, questionId, answer });
    const turn = this.resume(pending);
    void this.guard(turn, () => this.streamAndFinish(turn, script.afterAnswer(answer)));
    return { answered: true };
  }

  /** Streaming turns stop at the next chunk; parked turns are cancelled right away. */
  stop(sessionId: string, abandon = false): { stopped: boolean } {
    const live = this.live.get(sessionId);
    if (live) {
      live.stopped = true;
      live.abandoned = abandon;
      return { stopped: true };
    }
    const turnId = this.runtime.snapshot(sessionId).activeTurnId;
    if (!turnId) return { stopped: false };
    let content = '';
    for (const p of this.runtime.pendingPermissions(sessionId)) {
      content = this.runtime.takePermission(sessionId, p.permissionId).content;
      this.events.emit('permission:resolved', sessionId, { turnId, permissionId: p.permissionId, decision: 'cancelled' });
    }
    for (const q of this.runtime.pendingQuestions(sessionId)) {
      content = this.runtime.takeQuestion(sessionId, q.questionId).content;
      this.events.emit('question:answered', sessionId, { turnId, questionId: q.questionId, answer: null, cancelled: true });
    }
    const intro = content ? script.scriptFor(content).intro : [];
    const turn = this.track(sessionId, turnId, intro.length, intro.join(''));
    turn.abandoned = abandon;
    this.finish(turn, 'stopped');
    return { stopped: true };
  }

  private async phaseOne(turn: LiveTurn, content: string): Promise<void> {
    const plan = script.scriptFor(content);
    this.events.emit('stream:start', turn.sessionId, { turnId: turn.turnId });
    if (!(await this.stream(turn, plan.intro))) return this.finish(turn, 'stopped');
    if (plan.tool) await this.runTool(turn, 'word_count', { content }, String(script.wordCount(content)));
    if (turn.stopped) return this.finish(turn, 'stopped');
    if (plan.fail) throw new Error('simulated failure');
    if (plan.interaction === 'permission') return this.park(turn, content, 'permission');
    if (plan.interaction === 'question') return this.park(turn, content, 'question');
    this.finish(turn, 'completed');
  }

  private park(turn: LiveTurn, content: string, kind: 'permission' | 'question'): void {
    const { sessionId, turnId } = turn;
    this.live.delete(sessionId);
    if (kind === 'permission') {
      const p: StoredPermission = { permissionId: newId('perm'), sessionId, turnId, ...script.PERMISSION_REQUEST, content, requestedAt: now() };
      this.runtime.addPermission(p);
      this.runtime.update(sessionId, { runState: 'waiting_permission', isStreaming: false });
      const { content: _c, ...wire } = p;
      this.events.emit('permission:request', sessionId, wire);
    } else {
      const q: StoredQuestion = { questionId: newId('q'), sessionId, turnId, ...script.QUESTION, content, askedAt: now() };
      this.runtime.addQuestion(q);
      this.runtime.update(sessionId, { runState: 'waiting_question', isStreaming: false });
      const { content: _c, ...wire } = q;
      this.events.emit('question:ask', sessionId, wire);
    }
  }

  /** Rebuilds phase one's text from the content, so the final message is complete. */
  private resume(pending: StoredPermission | StoredQuestion): LiveTurn {
    const intro = script.scriptFor(pending.content).intro;
    this.runtime.update(pending.sessionId, { runState: 'running', isStreaming: true });
    return this.track(pending.sessionId, pending.turnId, intro.length, intro.join(''));
  }

  private async streamAndFinish(turn: LiveTurn, chunks: string[]): Promise<void> {
    this.finish(turn, (await this.stream(turn, chunks)) ? 'completed' : 'stopped');
  }

  private async stream(turn: LiveTurn, chunks: string[]): Promise<boolean> {
    for (const text of chunks) {
      if (turn.stopped) return false;
      this.events.emit('stream:chunk', turn.sessionId, { turnId: turn.turnId, index: turn.index++, text });
      turn.text += text;
      await this.pace();
    }
    return !turn.stopped;
  }

  private async runTool(turn: LiveTurn, name: string, input: unknown, output: string): Promise<void> {
    const toolId = newId('tool');
    this.runtime.update(turn.sessionId, { activeToolIds: [toolId] });
    this.events.emit('tool:start', turn.sessionId, { turnId: turn.turnId, toolId, name, input });
    await this.pace();
    if (turn.abandoned) return; // the session was deleted meanwhile: write nothing for it
    this.runtime.update(turn.sessionId, { activeToolIds: [] });
    this.events.emit('tool:result', turn.sessionId, { turnId: turn.turnId, toolId, output });
  }

  private finish(turn: LiveTurn, status: TurnStatus, error: string | null = null): void {
    this.live.delete(turn.sessionId);
    if (turn.abandoned) return;
    this.runtime.update(turn.sessionId, {
      runState: status === 'error' ? 'error' : 'idle',
      isStreaming: false,
      activeTurnId: null,
      activeToolIds: [],
      lastError: error,
    });
    const session = this.sessions.addMessage(turn.sessionId, { role: 'assistant', content: turn.text, turnId: turn.turnId });
    this.events.emit('stream:done', turn.sessionId, { turnId: turn.turnId, status, chunkCount: turn.index });
    this.events.emit('session:updated', turn.sessionId, { session });
  }

  private async guard(turn: LiveTurn, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (err) {
      const message = (err as Error).message;
      this.events.emit('error', turn.sessionId, { turnId: turn.turnId, message });
      this.finish(turn, 'error', message);
    }
  }

  private track(sessionId: string, turnId: string, index: number, text: string): LiveTurn {
    const turn: LiveTurn = { sessionId, turnId, index, text, stopped: false, abandoned: false };
    this.live.set(sessionId, turn);
    return turn;
  }

  private pace(): Promise<void> {
    // setImmediate lets requests (stop, health) and socket writes interleave with a
    // bulk stream; the optional delay lets tests disconnect mid-stream.
    if (this.chunkDelayMs > 0) return new Promise((r) => setTimeout(r, this.chunkDelayMs));
    return new Promise((r) => setImmediate(r));
  }
}
