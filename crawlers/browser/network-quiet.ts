import type { Page, Request } from 'playwright-core';
import { evaluateScript, NEXT_FRAME } from './in-page.ts';

/** Requests that never "finish" while the page lives; they must not hold the settle open. */
const LONG_LIVED = new Set(['websocket', 'eventsource', 'media', 'font', 'manifest', 'ping']);

/**
 * Tracks the page's requests in flight, so that after `load` we wait only as long as the page is
 * still fetching (an SPA loading its data), instead of Playwright's fixed 500 ms `networkidle`.
 */
export class NetworkQuiet {
  #inflight = new Set<Request>();
  #lastActivity = performance.now();

  constructor(page: Page) {
    page.on('request', (request) => {
      if (LONG_LIVED.has(request.resourceType())) return;
      this.#inflight.add(request);
      this.#lastActivity = performance.now();
    });
    const done = (request: Request) => {
      if (this.#inflight.delete(request)) this.#lastActivity = performance.now();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
  }

  get inflight(): number {
    return this.#inflight.size;
  }

  /**
   * Resolves once no request has been in flight for `quietMs`, or after `capMs`. `page` is pinged
   * first so that requests the page started during `load` have been reported to us.
   */
  async settle(page: Page, quietMs: number, capMs: number): Promise<void> {
    const deadline = performance.now() + capMs;
    await evaluateScript(page, NEXT_FRAME).catch(() => {});
    while (performance.now() < deadline) {
      const idleFor = performance.now() - this.#lastActivity;
      if (this.#inflight.size === 0 && idleFor >= quietMs) return;
      const wait = this.#inflight.size === 0 ? quietMs - idleFor : 25;
      await delay(Math.max(5, Math.min(wait, deadline - performance.now())));
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
