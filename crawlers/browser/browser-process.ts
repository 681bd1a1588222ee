import type { Browser } from 'playwright-core';
import { DeadlineError, withDeadline } from '../../src/core/index.ts';

/** A browser that has not closed by then is killed. */
const BROWSER_CLOSE_TIMEOUT_MS = 10_000;

/** The browser process id, from DevTools; null when it cannot be read. */
export async function browserPid(browser: Browser): Promise<number | null> {
  try {
    const session = await withDeadline(browser.newBrowserCDPSession(), 5000, 'A DevTools session');
    const { processInfo } = (await withDeadline(
      session.send('SystemInfo.getProcessInfo'),
      5000,
      'Reading the browser process',
    )) as { processInfo: { type: string; id: number }[] };
    await session.detach().catch(() => {});
    return processInfo.find((p) => p.type === 'browser')?.id ?? null;
  } catch {
    return null;
  }
}

/** Closes a browser (once launched); one that does not close in time is killed by its process id. */
export async function closeBrowser(browser: Promise<Browser>, pid: () => number | null): Promise<void> {
  try {
    await withDeadline(
      browser.then((b) => b.close()),
      BROWSER_CLOSE_TIMEOUT_MS,
      'Closing the browser',
    );
  } catch (error) {
    // Already gone (crashed or disconnected) closes nothing; a browser that hangs is killed.
    const id = pid();
    if (error instanceof DeadlineError && id !== null) {
      try {
        process.kill(id, 'SIGKILL');
      } catch {
        // It ended meanwhile.
      }
    }
  }
}
