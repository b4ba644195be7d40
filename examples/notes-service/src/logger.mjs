// A file log that rotates by size: notes.log → notes.log.1 → … → notes.log.<maxFiles>, the oldest dropped.
import fs from 'node:fs';
import path from 'node:path';

export class RotatingLog {
  constructor({ dir, name = 'notes.log', maxBytes, maxFiles, echo = true }) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = path.join(dir, name);
    this.maxBytes = maxBytes;
    this.maxFiles = maxFiles;
    this.echo = echo;
    this.size = fs.existsSync(this.file) ? fs.statSync(this.file).size : 0;
  }

  info(message) {
    this.write('info', message);
  }

  error(message) {
    this.write('error', message);
  }

  write(level, message) {
    const line = `${new Date().toISOString()} ${level} ${message}\n`;
    if (this.size > 0 && this.size + line.length > this.maxBytes) this.rotate();
    fs.appendFileSync(this.file, line, { mode: 0o600 });
    this.size += Buffer.byteLength(line);
    if (this.echo) process.stdout.write(line);
  }

  rotate() {
    fs.rmSync(`${this.file}.${this.maxFiles}`, { force: true });
    for (let n = this.maxFiles - 1; n >= 1; n--) {
      if (fs.existsSync(`${this.file}.${n}`)) fs.renameSync(`${this.file}.${n}`, `${this.file}.${n + 1}`);
    }
    if (this.maxFiles > 0) fs.renameSync(this.file, `${this.file}.1`);
    else fs.rmSync(this.file, { force: true });
    this.size = 0;
  }
}
