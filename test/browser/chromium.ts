/**
 * The Chromium the dashboard's browser tests run in: `CHROMIUM_PATH`, else a system Chromium or
 * Chrome where the usual packages put it (Debian's `chromium` at /usr/bin/chromium), else none,
 * and Playwright then uses its own (`pnpm exec playwright install chromium`), or says how to get it.
 */
import fs from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return CANDIDATES.find((p) => fs.existsSync(p));
}
