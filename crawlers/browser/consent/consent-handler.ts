import type { Page } from 'playwright-core';
import type { ConsentBanner } from '../../../src/core/index.ts';
import type { ConsentMemo } from '../../contracts.ts';

/**
 * Closes a cookie-consent dialog before a page is gathered (text, screenshot, axe), preferring
 * "reject" or "necessary only", and says what it met. Pluggable: the renderer takes any handler,
 * or none (`consent: null`).
 */
export interface ConsentHandler {
  /**
   * Looks for an open consent dialog and closes it, within `deadline` (a performance.now() time).
   * Null when none was seen. Never throws. With the crawl's `memo`, a page of a host whose earlier
   * page had no dialog is not searched, and a page found without one says so in the memo.
   */
  close(page: Page, deadline: number, memo?: ConsentMemo): Promise<ConsentBanner | null>;
}
