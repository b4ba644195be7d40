// Sessions and their chat history, persisted to sessions.json on every change. Changes
// are rare (create, delete, end of a turn), so whole-file atomic writes are affordable.
import path from 'node:path';
import type { ChatMessage, CreateSessionParams, Session, SessionInfo } from './types.js';
import { readJson, writeJsonAtomic } from './persistence.js';
import { newId, now } from './ids.js';

const DEFAULT_MODEL = 'cowork-echo-1';

export class SessionStore {
  private readonly file: string;
  private readonly sessions = new Map<string, Session>();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'sessions.json');
  }

  load(): void {
    const saved = readJson<{ sessions: Session[] }>(this.file, { sessions: [] });
    for (const session of saved.sessions) this.sessions.set(session.id, session);
  }

  persist(): void {
    writeJsonAtomic(this.file, { version: 1, sessions: [...this.sessions.values()] });
  }

  create(options: CreateSessionParams): SessionInfo {
    const at = now();
    const session: Session = {
      id: newId('s'),
      title: options.title ?? 'New session',
      model: options.model ?? DEFAULT_MODEL,
      tags: options.tags ?? [],
      createdAt: at,
      updatedAt: at,
      messageCount: 0,
      messages: [],
    };
    this.sessions.set(session.id, session);
    this.persist();
    return info(session);
  }

  /** Oldest first: creation order is stable across restarts and transports. */
  list(): SessionInfo[] {
    return [...this.sessions.values()].map(info);
  }

  get(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`unknown session: ${sessionId}`);
    return session;
  }

  info(sessionId: string): SessionInfo {
    return info(this.get(sessionId));
  }

  delete(sessionId: string): void {
    this.get(sessionId);
    this.sessions.delete(sessionId);
    this.persist();
  }

  addMessage(sessionId: string, message: Omit<ChatMessage, 'createdAt'>): SessionInfo {
    const session = this.get(sessionId);
    const at = now();
    session.messages.push({ ...message, createdAt: at });
    session.messageCount = session.messages.length;
    session.updatedAt = at;
    this.persist();
    return info(session);
  }
}

function info(session: Session): SessionInfo {
  const { messages: _messages, ...rest } = session;
  return rest;
}
