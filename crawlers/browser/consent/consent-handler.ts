import type { Page } from 'playwright-core';
import type { ConsentBanner } from '../../../src/core/index.ts';

/**
 * Closes a cookie-consent dialog before a page is gathered (text, screenshot, axe), preferring
 * "reject" or "necessary only", and says what it met. Pluggable: the renderer takes any handler,
 * or none (`consent: null`).
 */
export interface ConsentHandler {
  /**
   * Looks for an open consent dialog and closes it, within `deadline` (a performance.now() time).
   * Null when none was seen. Never throws.
   */
  close(page: Page, deadline: number): Promise<ConsentBanner | null>;
}
