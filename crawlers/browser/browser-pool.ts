import pLimit, { type LimitFunction } from 'p-limit';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { requireChromium } from './find-chromium.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
] as const;

export interface BrowserPoolOptions {
  /** @default findChromium() (throws BrowserNotFoundError when there is none) */
  executablePath?: string;
  /** Pages open at once, across all sites. @default 2 */
  concurrency?: number;
  /** Close and relaunch the browser after this many pages (bounds memory growth). @default 100 */
  retireAfterPages?: number;
}

/** Which context a page runs in. Pages with the same key share one context. */
export interface ContextSpec {
  key: string;
  options?: BrowserContextOptions;
  /** Runs once on the new context (routes, init scripts) before its first page opens. */
  setup?: (context: BrowserContext) => Promise<void>;
}

interface ContextSlot {
  key: string;
  context: Promise<BrowserContext>;
  active: number;
}

/** One launched browser and the contexts open in it. */
interface Generation {
  browser: Promise<Browser>;
  opened: number;
  active: number;
  retired: boolean;
  slots: Map<string, ContextSlot>;
}

/**
 * One Chromium per process, launched lazily. Pages of the same key (the site) share a browser
 * context, so the crawl of one site reuses connections and cookies like a visitor would; at most
 * `concurrency` contexts exist, and an idle one is closed when another site needs a slot. The browser
 * is retired after `retireAfterPages` pages (the new one starts while the old one drains) and
 * relaunched after a crash or disconnect.
 */
export class BrowserPool {
  /** How many browsers were launched (for tests and logs). */
  launches = 0;
  /** Pages opened over the pool's lifetime. */
  pagesOpened = 0;
  readonly concurrency: number;
  readonly #limit: LimitFunction;
  readonly #retireAfter: number;
  readonly #options: BrowserPoolOptions;
  #current: Generation | null = null;
  readonly #draining = new Set<Generation>();
  #closed = false;

  constructor(options: BrowserPoolOptions = {}) {
    this.#options = options;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.#retireAfter = Math.max(1, options.retireAfterPages ?? 100);
    this.#limit = pLimit(this.concurrency);
  }

  /** Runs `task` on a fresh page in the context for `spec.key`; the page is closed afterwards. */
  withPage<T>(spec: ContextSpec, task: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
    return this.#limit(async () => {
      if (this.#closed) throw new Error('browser pool is closed');
      const generation = this.#generation();
      const slot = this.#slot(generation, spec);
      generation.opened++;
      generation.active++;
      slot.active++;
      this.pagesOpened++;
      let page: Page | null = null;
      try {
        const context = await slot.context;
        page = await context.newPage();
        return await task(page, context);
      } finally {
        slot.active--;
        generation.active--;
        await page?.close().catch(() => {});
        this.#afterPage(generation);
      }
    });
  }

  #generation(): Generation {
    const current = this.#current;
    if (current && !current.retired && current.opened < this.#retireAfter) return current;
    if (current) this.#retire(current);
    const generation: Generation = {
      browser: this.#launch(),
      opened: 0,
      active: 0,
      retired: false,
      slots: new Map(),
    };
    generation.browser.then(
      (browser) =>
        browser.on('disconnected', () => {
          generation.retired = true;
          if (this.#current === generation) this.#current = null;
        }),
      () => {
        if (this.#current === generation) this.#current = null;
      },
    );
    this.#current = generation;
    return generation;
  }

  async #launch(): Promise<Browser> {
    this.launches++;
    const executablePath = this.#options.executablePath ?? requireChromium();
    return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  }

  #slot(generation: Generation, spec: ContextSpec): ContextSlot {
    const { key } = spec;
    const existing = generation.slots.get(key);
    if (existing) return existing;
    // Keep at most `concurrency` contexts: close idle ones of other sites.
    for (const slot of generation.slots.values()) {
      if (generation.slots.size < this.concurrency) break;
      if (slot.active === 0) this.#closeSlot(generation, slot);
    }
    const context = generation.browser.then(async (browser) => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...spec.options });
      await spec.setup?.(ctx);
      return ctx;
    });
    context.catch(() => generation.slots.delete(key));
    const slot: ContextSlot = { key, context, active: 0 };
    generation.slots.set(key, slot);
    return slot;
  }

  #closeSlot(generation: Generation, slot: ContextSlot): void {
    generation.slots.delete(slot.key);
    slot.context.then((ctx) => ctx.close()).catch(() => {});
  }

  #retire(generation: Generation): void {
    generation.retired = true;
    if (this.#current === generation) this.#current = null;
    this.#draining.add(generation);
    this.#afterPage(generation);
  }

  #afterPage(generation: Generation): void {
    if (generation.opened >= this.#retireAfter && this.#current === generation) this.#retire(generation);
    if (!generation.retired || generation.active > 0 || !this.#draining.has(generation)) return;
    this.#draining.delete(generation);
    void closeBrowser(generation.browser);
  }

  /** Closes every browser; idempotent. Pages still running or queued fail (the renderer makes them errors). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const generations = [...this.#draining, ...(this.#current ? [this.#current] : [])];
    this.#current = null;
    this.#draining.clear();
    await Promise.all(generations.map((g) => closeBrowser(g.browser)));
  }
}

async function closeBrowser(browser: Promise<Browser>): Promise<void> {
  try {
    await (await browser).close();
  } catch {
    // Already gone (crashed or disconnected): nothing to close.
  }
}
