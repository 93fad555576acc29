import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.mjs';

const port = 4173;
const chromium = findChromium() ?? {};

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.playwright-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/vpc-lab/`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      ...chromium,
      // This machine has no internet: background networking only produces refused connections.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `node scripts/serve-static.mjs dist ${port} /vpc-lab/`,
    url: `http://127.0.0.1:${port}/vpc-lab/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
