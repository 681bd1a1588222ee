import type { BrowserContext, Page } from 'playwright-core';
import { DeadlineError, withDeadline } from '../../src/core/index.ts';
import { evaluateScript, RETIRE_DOCUMENT } from './in-page.ts';
import { setViewport, type ViewportSize } from './page-devtools.ts';

/** Resetting a released page (document retired, viewport) must not take longer than this. */
const RESET_TIMEOUT_MS = 5000;
/** Opening a page, and closing one. */
export const PAGE_OPEN_TIMEOUT_MS = 20_000;
const PAGE_CLOSE_TIMEOUT_MS = 5000;

/**
 * Readies a released page for the next task: its document stopped and hidden (the next task's
 * navigation replaces it, see openDocument; RETIRE_DOCUMENT says why not about:blank), at the
 * context's viewport. False when it cannot.
 */
export async function resetPage(page: Page, viewport: ViewportSize | null): Promise<boolean> {
  const work = (async () => {
    await evaluateScript(page, RETIRE_DOCUMENT);
    if (viewport) await setViewport(page, viewport);
  })();
  try {
    await withDeadline(work, RESET_TIMEOUT_MS, 'Resetting a page');
    return true;
  } catch {
    return false;
  }
}

/** A new page of `context`; one that opens after its deadline is closed, not leaked. */
export async function openPage(context: BrowserContext): Promise<Page> {
  const opening = context.newPage();
  try {
    return await withDeadline(opening, PAGE_OPEN_TIMEOUT_MS, 'Opening a page');
  } catch (error) {
    opening.then((late) => late.close().catch(() => {})).catch(() => {});
    throw error;
  }
}

/** Closes a page; false when it did not close in time. */
export async function closePage(page: Page): Promise<boolean> {
  try {
    await withDeadline(page.close(), PAGE_CLOSE_TIMEOUT_MS, 'Closing a page');
    return true;
  } catch (error) {
    return !(error instanceof DeadlineError);
  }
}
