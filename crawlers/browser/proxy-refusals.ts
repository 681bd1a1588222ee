import type { Browser, Page, Response } from 'playwright-core';
import type { FetchStatus } from '../../src/core/index.ts';
import { type GuardProxy, REFUSED_REASON_HEADER, REFUSED_STATUS_HEADER } from '../net/guard-proxy.ts';

/** Why the guard proxy did not let a page's document through. */
export interface BlockedNavigation {
  status: FetchStatus;
  reason: string;
}

const proxies = new WeakMap<Browser, GuardProxy>();

/** Records the proxy a browser was launched behind. */
export function registerProxy(browser: Browser, proxy: GuardProxy): void {
  proxies.set(browser, proxy);
}

/**
 * A document response that is the proxy's own answer (the site was refused or not reached over
 * plain HTTP, at any hop of a redirect chain): the status and reason it carries; null for a site's answer.
 */
export function refusedResponse(response: Response): BlockedNavigation | null {
  const headers = response.headers();
  const status = headers[REFUSED_STATUS_HEADER];
  if (!status) return null;
  return { status: status as FetchStatus, reason: safeDecode(headers[REFUSED_REASON_HEADER] ?? '') };
}

/**
 * Why a navigation of `page` that failed without a response (an HTTPS or WebSocket tunnel the proxy
 * refused or could not open) did not reach `url`'s host since `since` (performance.now()); null when
 * the proxy refused nothing there.
 */
export function refusedTunnel(page: Page, url: string, since: number): BlockedNavigation | null {
  const browser = page.context().browser();
  const proxy = browser ? proxies.get(browser) : undefined;
  const refusal = proxy?.refusalFor(url, since);
  return refusal ? { status: refusal.status, reason: refusal.reason } : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
