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
  /** Requests started or ended so far. */
  #events = 0;

  /** A request of the page started (the page's session forwards Playwright's `request` event). */
  started(request: Request): void {
    if (LONG_LIVED.has(request.resourceType())) return;
    this.#inflight.add(request);
    this.#touch();
  }

  /** A request of the page finished or failed. */
  ended(request: Request): void {
    if (this.#inflight.delete(request)) this.#touch();
  }

  #touch(): void {
    this.#lastActivity = performance.now();
    this.#events++;
  }

  get inflight(): number {
    return this.#inflight.size;
  }

  /**
   * Resolves when the page has stopped fetching, or after `capMs`. The page is pinged first (one
   * animation frame): Blink reports a request before it answers, so requests started by `load`
   * handlers are known by then. Nothing in flight and nothing new since the call → done at once.
   * Otherwise wait until nothing has been in flight for `quietMs` (a response often triggers the
   * next request).
   */
  async settle(page: Page, quietMs: number, capMs: number): Promise<void> {
    const deadline = performance.now() + capMs;
    const eventsBefore = this.#events;
    await evaluateScript(page, NEXT_FRAME).catch(() => {});
    if (this.#inflight.size === 0 && this.#events === eventsBefore) return;
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
