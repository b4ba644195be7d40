import { defineConfig } from '@playwright/test';
import { systemChromium } from './test/browser/chromium.js';

const executablePath = systemChromium();

/**
 * Browser tests of the gate dashboard (`pnpm test:browser`, part of `pnpm test`). They use a system
 * Chromium when there is one (CHROMIUM_PATH, Debian's `chromium` package at /usr/bin/chromium,
 * Chrome): no browser download. Without one, Playwright's own (`pnpm exec playwright install
 * chromium`); when that is missing too, Playwright's error says to install it.
 */
export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
