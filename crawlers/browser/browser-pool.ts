import pLimit, { type LimitFunction } from 'p-limit';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { withDeadline } from '../../src/core/index.ts';
import { browserPid, closeBrowser } from './browser-process.ts';
import { requireChromium } from './find-chromium.ts';
import { closePage, openPage, PAGE_OPEN_TIMEOUT_MS, resetPage } from './pool-pages.ts';
import { treeMemory } from './process-tree.ts';

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
  /**
   * Also close and relaunch it, checked every 10 pages, once its processes hold more than this many
   * MB (the sum of their proportional set sizes; Linux only): a cap on runaway growth. @default 1536
   */
  retireAboveMb?: number;
  /** Extra Chromium flags for the browser of `browserKey` (its guard proxy, say). */
  launchArgs?: (browserKey: string) => Promise<string[]>;
  /** Runs on each launched browser, with its `browserKey`, before any of its contexts opens. */
  onLaunch?: (browser: Browser, browserKey: string) => Promise<void>;
}

const DEFAULT_VIEWPORT = { width: 1280, height: 800 } as const;
/** A released page waits this long for the next task of its context, then closes. */
const IDLE_PAGE_MS = 3000;
const LAUNCH_TIMEOUT_MS = 30_000;
/** The browser's memory is read after every this many of its pages. */
const MEMORY_CHECK_EVERY = 10;

/** Which context a page runs in. Pages with the same key share one context. */
export interface ContextSpec {
  key: string;
  /**
   * Contexts of different browser keys never share a browser: each key has its own, launched when
   * first needed (for browser-wide settings such as the request guard's policy). @default ''
   */
  browserKey?: string;
  options?: BrowserContextOptions;
  /** Runs once on the new context (init scripts, say) before its first page opens. */
  setup?: (context: BrowserContext) => Promise<void>;
}

/** What a task says about its page when it ends. */
export interface PageLease {
  /**
   * The task ended normally and the page is healthy: it is reset (its document retired, the
   * context's viewport) and handed to the next task of the same context instead of being closed. A
   * new page costs a renderer process and a fresh script compile cache, which is a large share of a
   * page audit.
   */
  reusable: boolean;
}

interface IdlePage {
  page: Page;
  timer: NodeJS.Timeout;
}

interface ContextSlot {
  key: string;
  context: Promise<BrowserContext>;
  viewport: { width: number; height: number } | null;
  active: number;
  idle: IdlePage[];
}

/** One launched browser and the contexts open in it. */
interface Generation {
  key: string;
  browser: Promise<Browser>;
  /** The browser process id, read after launch; killed when the browser does not close in time. */
  pid: number | null;
  /** Resolves once a retired browser has been closed. */
  closed: Promise<void>;
  markClosed: () => void;
  opened: number;
  /** `opened` when the memory was last read. */
  checked: number;
  active: number;
  retired: boolean;
  slots: Map<string, ContextSlot>;
}

/**
 * One Chromium per process (per browser key, when contexts ask for different ones), launched lazily.
 * Pages of the same key (the site) share a browser context, so the crawl of one site reuses
 * connections and cookies like a visitor would, and a page a task leaves reusable serves the next
 * task of that context; at most `concurrency` contexts exist per browser, and an idle one is closed
 * when another site needs a slot. A browser is retired after `retireAfterPages` pages, or once its
 * processes hold more than `retireAboveMb` (the new one starts once the old one has drained and
 * closed), and relaunched after a crash or disconnect.
 */
export class BrowserPool {
  /** How many browsers were launched (for tests and logs). */
  launches = 0;
  /** Tasks run over the pool's lifetime (each on a page, new or reused). */
  pagesOpened = 0;
  /** Pages created (tasks beyond this number ran on reused pages). */
  pagesCreated = 0;
  readonly concurrency: number;
  readonly #limit: LimitFunction;
  readonly #retireAfter: number;
  readonly #retireAboveMb: number;
  readonly #options: BrowserPoolOptions;
  /** The browser taking new pages, per browser key. */
  readonly #current = new Map<string, Generation>();
  readonly #draining = new Set<Generation>();
  #closed = false;

  constructor(options: BrowserPoolOptions = {}) {
    this.#options = options;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.#retireAfter = Math.max(1, options.retireAfterPages ?? 100);
    this.#retireAboveMb = options.retireAboveMb ?? 1536;
    this.#limit = pLimit(this.concurrency);
  }

  /**
   * Runs `task` on a page in the context for `spec.key`: a page an earlier task left reusable (its
   * document retired), else a new one. Afterwards the page is closed, unless the task set
   * `lease.reusable`.
   */
  withPage<T>(
    spec: ContextSpec,
    task: (page: Page, context: BrowserContext, lease: PageLease) => Promise<T>,
  ): Promise<T> {
    return this.#limit(async () => {
      if (this.#closed) throw new Error('browser pool is closed');
      const generation = this.#generation(spec.browserKey ?? '');
      const slot = this.#slot(generation, spec);
      generation.opened++;
      generation.active++;
      slot.active++;
      this.pagesOpened++;
      let page: Page | null = null;
      const lease: PageLease = { reusable: false };
      try {
        const context = await withDeadline(slot.context, PAGE_OPEN_TIMEOUT_MS, 'Opening a browser context');
        page = takeIdle(slot);
        if (!page) {
          page = await openPage(context);
          this.pagesCreated++;
        }
        return await task(page, context, lease);
      } finally {
        if (
          page &&
          lease.reusable &&
          this.#mayPark(generation, slot) &&
          (await resetPage(page, slot.viewport))
        ) {
          this.#park(generation, slot, page);
        } else if (page && !(await closePage(page))) {
          // A page that does not close says its browser is unwell: no new page goes to that browser.
          if (!generation.retired) this.#retire(generation);
        }
        slot.active--;
        generation.active--;
        this.#afterPage(generation);
      }
    });
  }

  /**
   * Launches the browser of `spec.browserKey` and opens the context of `spec.key` now, without a
   * page, so that the first task does not wait for them (the crawl calls it before its first requests).
   */
  warmUp(spec: ContextSpec): void {
    if (this.#closed) return;
    this.#slot(this.#generation(spec.browserKey ?? ''), spec);
  }

  #generation(key: string): Generation {
    const current = this.#current.get(key);
    if (current && !current.retired && current.opened < this.#retireAfter) return current;
    if (current) this.#retire(current);
    let markClosed!: () => void;
    const closed = new Promise<void>((resolve) => {
      markClosed = resolve;
    });
    const generation: Generation = {
      key,
      pid: null,
      browser: this.#launchAfterDrain(key),
      closed,
      markClosed,
      opened: 0,
      checked: 0,
      active: 0,
      retired: false,
      slots: new Map(),
    };
    generation.browser.then(
      (browser) => {
        browser.on('disconnected', () => {
          generation.retired = true;
          this.#forget(generation);
        });
        void browserPid(browser).then((pid) => {
          generation.pid = pid;
        });
      },
      () => this.#forget(generation),
    );
    this.#current.set(key, generation);
    return generation;
  }

  #forget(generation: Generation): void {
    if (this.#current.get(generation.key) === generation) this.#current.delete(generation.key);
  }

  /**
   * A new browser starts once the retired ones have finished their pages and closed: the moments
   * when a draining browser and its successor ran side by side set a worker's peak memory. New pages
   * wait for the second or so a retired browser takes to drain.
   */
  async #launchAfterDrain(key: string): Promise<Browser> {
    await Promise.all([...this.#draining].map((g) => g.closed));
    if (this.#closed) throw new Error('browser pool is closed');
    return this.#launch(key);
  }

  async #launch(key: string): Promise<Browser> {
    this.launches++;
    const executablePath = this.#options.executablePath ?? requireChromium();
    const extra = (await this.#options.launchArgs?.(key)) ?? [];
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...extra],
      timeout: LAUNCH_TIMEOUT_MS,
    });
    try {
      await this.#options.onLaunch?.(browser, key);
    } catch (error) {
      await browser.close().catch(() => {});
      throw error;
    }
    return browser;
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
    const options = { viewport: { ...DEFAULT_VIEWPORT }, ...spec.options };
    const context = generation.browser.then(async (browser) => {
      const ctx = await browser.newContext(options);
      await spec.setup?.(ctx);
      return ctx;
    });
    context.catch(() => generation.slots.delete(key));
    const slot: ContextSlot = { key, context, viewport: options.viewport, active: 0, idle: [] };
    generation.slots.set(key, slot);
    return slot;
  }

  #closeSlot(generation: Generation, slot: ContextSlot): void {
    generation.slots.delete(slot.key);
    for (const idle of slot.idle.splice(0)) clearTimeout(idle.timer);
    slot.context.then((ctx) => ctx.close()).catch(() => {});
  }

  /** A released page may wait for the next task only while its browser and context stay in use. */
  #mayPark(generation: Generation, slot: ContextSlot): boolean {
    return (
      !this.#closed &&
      !generation.retired &&
      generation.opened < this.#retireAfter &&
      generation.slots.get(slot.key) === slot
    );
  }

  #park(generation: Generation, slot: ContextSlot, page: Page): void {
    if (!this.#mayPark(generation, slot)) {
      void page.close().catch(() => {});
      return;
    }
    const idle: IdlePage = {
      page,
      timer: setTimeout(() => {
        const at = slot.idle.indexOf(idle);
        if (at >= 0) slot.idle.splice(at, 1);
        void page.close().catch(() => {});
      }, IDLE_PAGE_MS),
    };
    idle.timer.unref();
    slot.idle.push(idle);
  }

  #retire(generation: Generation): void {
    generation.retired = true;
    this.#forget(generation);
    this.#draining.add(generation);
    this.#afterPage(generation);
  }

  #afterPage(generation: Generation): void {
    if (
      this.#current.get(generation.key) === generation &&
      (generation.opened >= this.#retireAfter || this.#holdsTooMuch(generation))
    ) {
      this.#retire(generation);
    }
    if (!generation.retired || generation.active > 0 || !this.#draining.has(generation)) return;
    this.#draining.delete(generation);
    void closeBrowser(generation.browser, () => generation.pid).then(generation.markClosed);
  }

  /** Every MEMORY_CHECK_EVERY pages: whether the browser's processes hold more than the limit. */
  #holdsTooMuch(generation: Generation): boolean {
    if (generation.pid === null || generation.opened - generation.checked < MEMORY_CHECK_EVERY) return false;
    generation.checked = generation.opened;
    const memory = treeMemory(generation.pid);
    return memory !== null && memory.treePssMb > this.#retireAboveMb;
  }

  /** Closes every browser; idempotent. Pages still running or queued fail (the renderer makes them errors). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const generations = [...this.#draining, ...this.#current.values()];
    for (const g of generations)
      for (const slot of g.slots.values()) for (const idle of slot.idle) clearTimeout(idle.timer);
    this.#current.clear();
    this.#draining.clear();
    await Promise.all(generations.map((g) => closeBrowser(g.browser, () => g.pid).then(g.markClosed)));
  }
}

function takeIdle(slot: ContextSlot): Page | null {
  for (let idle = slot.idle.pop(); idle; idle = slot.idle.pop()) {
    clearTimeout(idle.timer);
    if (!idle.page.isClosed()) return idle.page;
  }
  return null;
}
