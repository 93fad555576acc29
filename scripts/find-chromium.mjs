// Finds a Chromium for Playwright: its own managed browser when installed, else Debian's.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Returns { executablePath } to pass to Playwright, {} for its managed browser, or null when none. */
export function findChromium() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  // Headless runs use the chromium_headless_shell-<rev> folder, so that is the one to look for.
  if (existsSync(cache) && readdirSync(cache).some((d) => d.startsWith('chromium_headless_shell-'))) return {};
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return { executablePath: p };
  return null;
}
