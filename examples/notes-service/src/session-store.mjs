// Sessions kept in memory and saved to one JSON file: a moment after each change, and on shutdown.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

const CHUNK = 4096;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class FileSessionStore {
  constructor({ file, log, debounceMs, chunkDelayMs }) {
    this.file = file;
    this.log = log;
    this.debounceMs = debounceMs;
    this.chunkDelayMs = chunkDelayMs;
    this.sessions = new Map();
    this.dirty = false;
    this.timer = undefined;
    this.saving = Promise.resolve();
  }

  /** Restores what the last run saved; temp files of a save that was cut short are dropped. */
  load() {
    const dir = path.dirname(this.file);
    for (const name of fs.readdirSync(dir)) if (name.startsWith(`${path.basename(this.file)}.tmp-`)) fs.rmSync(path.join(dir, name), { force: true });
    if (!fs.existsSync(this.file)) return 0;
    const doc = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    for (const s of doc.sessions) this.sessions.set(s.id, s);
    return this.sessions.size;
  }

  create(title) {
    const session = { id: randomUUID(), title, createdAt: new Date().toISOString(), messages: [] };
    this.sessions.set(session.id, session);
    this.changed();
    return session;
  }

  append(id, text) {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    session.messages.push({ at: new Date().toISOString(), text });
    this.changed();
    return session;
  }

  list() {
    return [...this.sessions.values()].map((s) => ({ id: s.id, title: s.title, createdAt: s.createdAt, messages: s.messages.length }));
  }

  changed() {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Saves now if anything changed since the last save (and waits for a save already under way). */
  flush() {
    clearTimeout(this.timer);
    this.saving = this.saving.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      await this.save();
    });
    return this.saving;
  }

  /**
   * Writes the whole store to a temp file beside the real one, syncs it, then renames it over the
   * real one: a crash at any moment leaves either the old file or the new one, never half of one.
   */
  async save() {
    const text = `${JSON.stringify({ version: 1, sessions: [...this.sessions.values()] }, null, 2)}\n`;
    const target = `${this.file}.tmp-${process.pid}`;
    const fd = await fsp.open(target, 'w', 0o600);
    this.log.info(`saving ${this.sessions.size} session(s) to ${path.basename(this.file)}`);
    try {
      for (let at = 0; at < text.length; at += CHUNK) {
        if (this.chunkDelayMs) await sleep(this.chunkDelayMs);
        await fd.write(text.slice(at, at + CHUNK));
      }
      await fd.sync();
    } finally {
      await fd.close();
    }
    await fsp.rename(target, this.file);
    this.log.info(`saved ${this.sessions.size} session(s)`);
  }
}
