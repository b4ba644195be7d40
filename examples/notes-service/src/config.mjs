// Everything the service reads from its environment, with the defaults a user gets.
import os from 'node:os';
import path from 'node:path';

const num = (name, dflt) => {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of 0 or more, found "${v}"`);
  return n;
};

export function loadConfig() {
  const home = os.homedir();
  const dataDir = process.env.NOTES_DATA_DIR || path.join(home, '.notes-service');
  const defaultLogs = process.platform === 'darwin' ? path.join(home, 'Library/Logs/notes-service') : path.join(dataDir, 'logs');
  return {
    dataDir,
    socketPath: path.join(dataDir, 'notes.sock'),
    sessionsFile: path.join(dataDir, 'sessions.json'),
    logDir: process.env.NOTES_LOG_DIR || defaultLogs,
    // Rotation by size, keeping a bounded number of old files.
    logMaxBytes: num('NOTES_LOG_MAX_BYTES', 1024 * 1024),
    logMaxFiles: num('NOTES_LOG_MAX_FILES', 7),
    // Changes are saved this long after the last one (and always on SIGTERM/SIGINT).
    saveDebounceMs: num('NOTES_SAVE_DEBOUNCE_MS', 1000),
    // A pause between the chunks a save is written in. 0 in use; tests set it so that a kill can
    // land in the middle of a write and show whether the file on disk survives it.
    saveChunkDelayMs: num('NOTES_SAVE_CHUNK_DELAY_MS', 0),
  };
}
