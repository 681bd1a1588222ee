import pLimit from 'p-limit';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { CAPTURED_PAGE_CSP } from './captured-page-csp.ts';

/** Bump when the rendering changes: cached images of older versions are not reused. */
export const HIGHLIGHT_RENDER_VERSION = 2;

/** What to outline: the element a selector finds, or within it the smallest element holding `text`. */
export interface HighlightTarget {
  selector: string;
  text?: string;
}

/** The target as one string, the cache key of its picture (highlight_shots.selector). */
export function targetKey(target: HighlightTarget): string {
  return target.text ? `${target.selector} >> text=${JSON.stringify(target.text)}` : target.selector;
}

/**
 * The element an evidence item points at: its selector, narrowed to the highlighted words for text
 * evidence (whose selector is the whole body or footer). Null when there is nothing to single out.
 */
export function highlightTargetOf(e: {
  kind: string;
  selector?: string | null;
  snippet?: string | null;
  highlight?: { start: number; end: number } | null;
}): HighlightTarget | null {
  if (!e.selector || e.selector === 'html') return null;
  const words = e.highlight && e.snippet ? e.snippet.slice(e.highlight.start, e.highlight.end).trim() : '';
  if (e.kind === 'text') return words ? { selector: e.selector, text: words } : null;
  if (e.selector === 'body') return null;
  return { selector: e.selector };
}

const VIEWPORT = { width: 1280, height: 800 } as const;
const TIMEOUT_MS = 15_000;
/** Room around the element in the cropped picture, and its largest size. */
const MARGIN = 32;
const MAX_CROP = { width: 1280, height: 640 } as const;
const MIN_CROP_WIDTH = 480;
const MIN_CROP_HEIGHT = 240;
/** Where the page is "loaded" from when its own URL is not http(s). */
const FALLBACK_URL = 'https://capture.portal-audit.invalid/';

/**
 * Pictures of a stored page with the evidence element outlined, cropped around it. The stored HTML is re-rendered
 * offline in Chromium: JavaScript off, the document served under the captured-page CSP (sandboxed, no
 * network, no meta refresh), every other request aborted. So the picture shows the element where the
 * rule found it even below the first viewport, at the cost of the page's external CSS and images,
 * which are not stored. The crawl's own screenshot is shown beside it.
 */
export class Highlighter {
  #browser: Promise<Browser> | null = null;
  readonly #limit: ReturnType<typeof pLimit>;
  #closed = false;

  /** `concurrency`: pages rendered at once (each in its own context). */
  constructor(
    private readonly executablePath: string,
    concurrency = 1,
  ) {
    this.#limit = pLimit(concurrency);
  }

  /**
   * A JPEG of the outlined element with some of the page around it, or null when the target matches
   * nothing (or its selector is not CSS) in the stored HTML.
   */
  async render(html: string, target: HighlightTarget | string, pageUrl: string): Promise<Buffer | null> {
    const t = typeof target === 'string' ? { selector: target } : target;
    const [shot] = await this.renderAll(html, [t], pageUrl);
    return shot ?? null;
  }

  /**
   * Pictures of several elements of one stored page, in order, from ONE load of it: between two
   * pictures the outlined element gets its style attribute back and the page is scrolled to the top,
   * so each picture is the one `render` makes alone. A target the page cannot show gets null; once
   * `goOn()` says no, the rest are left out of the returned list (no picture made, nothing cached).
   */
  renderAll(
    html: string,
    targets: readonly HighlightTarget[],
    pageUrl: string,
    goOn: () => boolean = () => true,
  ): Promise<(Buffer | null)[]> {
    return this.#limit(() => this.#renderAll(html, targets, pageUrl, goOn));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const browser = this.#browser;
    this.#browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  /** Starts the browser now (while other work runs), so the first picture does not wait for it. */
  warmUp(): void {
    if (this.#closed) return;
    this.#launch().catch(() => undefined);
  }

  #launch(): Promise<Browser> {
    if (this.#closed) throw new Error('The highlighter is closed');
    if (!this.#browser) {
      const launching = chromium.launch({ executablePath: this.executablePath, args: [...CHROMIUM_ARGS] });
      this.#browser = launching;
      // A crashed or failed browser is launched again on the next render.
      const forget = () => {
        if (this.#browser === launching) this.#browser = null;
      };
      launching.then((b) => b.on('disconnected', forget), forget);
    }
    return this.#browser;
  }

  async #renderAll(
    html: string,
    targets: readonly HighlightTarget[],
    pageUrl: string,
    goOn: () => boolean,
  ): Promise<(Buffer | null)[]> {
    const browser = await this.#launch();
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: VIEWPORT,
      serviceWorkers: 'block',
    });
    try {
      const url = /^https?:\/\//i.test(pageUrl) ? pageUrl : FALLBACK_URL;
      let served = false;
      await context.route('**/*', async (route) => {
        const request = route.request();
        if (!served && request.isNavigationRequest() && request.url() === new URL(url).href) {
          served = true;
          await route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'content-security-policy': CAPTURED_PAGE_CSP },
            body: html,
          });
          return;
        }
        await route.abort();
      });
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
      const shots: (Buffer | null)[] = [];
      for (const wanted of targets) {
        if (!goOn()) break;
        shots.push(await shoot(page, wanted));
      }
      return shots;
    } finally {
      await context.close().catch(() => undefined);
    }
  }
}

/** One outlined element of the loaded page, the page left as it was found (style attribute, scroll). */
async function shoot(page: Page, wanted: HighlightTarget): Promise<Buffer | null> {
  let target: ReturnType<typeof page.locator>;
  try {
    const scope = page.locator(`css=${wanted.selector}`);
    target = (wanted.text ? scope.getByText(wanted.text) : scope).first();
    if ((await target.count()) === 0) return null;
  } catch {
    return null; // not a CSS selector this engine can parse
  }
  // Inline style through the CSSOM: the page's CSP allows it, and no <style> load event is awaited.
  const box = await target.evaluate((el) => {
    const style = (el as HTMLElement).style;
    // Kept outside the DOM (an attribute could match the page's CSS), put back after the picture.
    (window as unknown as { paStyleBefore: string | null }).paStyleBefore = el.getAttribute('style');
    style.setProperty('outline', '4px solid #d40000', 'important');
    style.setProperty('outline-offset', '3px', 'important');
    style.setProperty('box-shadow', '0 0 0 8px rgba(255, 230, 0, 0.55)', 'important');
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    // Viewport coordinates: the element is scrolled to the middle, and a crop fits in the viewport.
    const r = el.getBoundingClientRect();
    return {
      x: r.left,
      y: r.top,
      width: r.width,
      height: r.height,
      viewWidth: window.innerWidth,
      viewHeight: window.innerHeight,
    };
  });
  try {
    return await page.screenshot({ type: 'jpeg', quality: 80, clip: cropAround(box) });
  } finally {
    await target
      .evaluate((el) => {
        const before = (window as unknown as { paStyleBefore: string | null }).paStyleBefore;
        if (before === null) el.removeAttribute('style');
        else el.setAttribute('style', before);
        window.scrollTo(0, 0);
      })
      .catch(() => undefined);
  }
}

/** The element's box with a margin, at least MIN_CROP_WIDTH × MIN_CROP_HEIGHT, at most MAX_CROP, inside the viewport. */
function cropAround(box: {
  x: number;
  y: number;
  width: number;
  height: number;
  viewWidth: number;
  viewHeight: number;
}): { x: number; y: number; width: number; height: number } {
  const width = Math.min(MAX_CROP.width, box.viewWidth, Math.max(MIN_CROP_WIDTH, box.width + 2 * MARGIN));
  const height = Math.min(
    MAX_CROP.height,
    box.viewHeight,
    Math.max(MIN_CROP_HEIGHT, box.height + 2 * MARGIN),
  );
  const centreX = box.x + box.width / 2;
  const x = Math.max(0, Math.min(box.viewWidth - width, centreX - width / 2));
  // Centred on the element when it fits, else from just above its top.
  const top = box.height + 2 * MARGIN <= height ? box.y + box.height / 2 - height / 2 : box.y - MARGIN;
  const y = Math.max(0, Math.min(box.viewHeight - height, top));
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}
