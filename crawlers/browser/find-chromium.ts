import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] as const;

export class BrowserNotFoundError extends Error {
  constructor(detail?: string) {
    super(
      [
        'No Chromium browser found for rendering pages.',
        ...(detail ? [detail] : []),
        'Install one with `apt-get install -y chromium` (Debian/Ubuntu),',
        'or point CHROMIUM_PATH at a Chromium or Chrome executable (CHROMIUM_PATH=/path/to/chromium).',
        `Looked in: $CHROMIUM_PATH, Playwright's browser cache, ${SYSTEM_PATHS.join(', ')}.`,
      ].join(' '),
    );
    this.name = 'BrowserNotFoundError';
  }
}

function playwrightBrowser(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    // playwright-core throws when it has no browser registered for this platform.
    return null;
  }
}

/**
 * Chromium to launch: $CHROMIUM_PATH, else Playwright's own browser, else a system one; null when none.
 * A CHROMIUM_PATH that does not exist is a configuration error, not a hint: it gives null.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return playwrightBrowser() ?? SYSTEM_PATHS.find((path) => existsSync(path)) ?? null;
}

/** Like findChromium, but throws a BrowserNotFoundError that says how to get a browser. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env);
  if (found) return found;
  const fromEnv = env.CHROMIUM_PATH?.trim();
  throw new BrowserNotFoundError(fromEnv ? `CHROMIUM_PATH=${fromEnv} does not exist.` : undefined);
}
