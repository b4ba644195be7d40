// The launchd agent, as rust/src/launchd.rs; the program is this node running syncd.mjs, where
// the Rust daemon has its own binary.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DAEMON_LABEL, launchdPlistPath, logsDir, socketPath } from './paths.mjs';

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function generatePlist(programArguments, logDir) {
  const args = [...programArguments, 'daemon', 'start'].map((a) => `    <string>${xml(a)}</string>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>${DAEMON_LABEL}</string>
  <key>ProgramArguments</key>
  <array>
${args}
  </array>
  <key>RunAtLoad</key>
  <true/>
  <key>KeepAlive</key>
  <true/>
  <key>StandardOutPath</key>
  <string>${xml(path.join(logDir, 'daemon.log'))}</string>
  <key>StandardErrorPath</key>
  <string>${xml(path.join(logDir, 'daemon-err.log'))}</string>
</dict>
</plist>
`;
}

const domain = () => `gui/${process.getuid()}`;

/** Writes the plist to `dir` (default ~/Library/LaunchAgents); loads it only when it goes to the real place on macOS. */
export function install(home, program, renderTo) {
  const plist = renderTo ? path.join(renderTo, `${DAEMON_LABEL}.plist`) : launchdPlistPath(home);
  if (!renderTo && process.platform !== 'darwin') throw new Error('launchd management is only supported on macOS (use --render-to DIR to see the plist)');
  fs.mkdirSync(path.dirname(plist), { recursive: true });
  fs.mkdirSync(logsDir(home), { recursive: true });
  fs.writeFileSync(plist, generatePlist(program, logsDir(home)));
  process.stdout.write(`wrote ${plist}\n`);
  if (renderTo) return;
  try {
    execFileSync('launchctl', ['bootout', `${domain()}/${DAEMON_LABEL}`], { stdio: 'ignore' });
  } catch {
    // not loaded
  }
  execFileSync('launchctl', ['bootstrap', domain(), plist], { stdio: 'inherit' });
  execFileSync('launchctl', ['kickstart', '-k', `${domain()}/${DAEMON_LABEL}`], { stdio: 'inherit' });
}

export function uninstall(home) {
  if (process.platform !== 'darwin') throw new Error('launchd management is only supported on macOS');
  const plist = launchdPlistPath(home);
  if (fs.existsSync(plist)) {
    try {
      execFileSync('launchctl', ['bootout', `${domain()}/${DAEMON_LABEL}`], { stdio: 'ignore' });
    } catch {
      // not loaded
    }
    fs.rmSync(plist);
  }
  fs.rmSync(socketPath(home), { force: true });
}
