/** Returns { executablePath } to pass to Playwright, {} for its managed browser, or null when none. */
export function findChromium(): { executablePath?: string } | null;
