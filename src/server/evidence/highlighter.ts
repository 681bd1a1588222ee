import pLimit from 'p-limit';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../crawlers/browser/browser-pool.ts';
import { CAPTURED_PAGE_CSP } from './captured-page-csp.ts';

/** Bump when the rendering changes: cached images of older versions are not reused. */
export const HIGHLIGHT_RENDER_VERSION = 1;

const VIEWPORT = { width: 1280, height: 800 } as const;
const TIMEOUT_MS = 15_000;
/** Where the page is "loaded" from when its own URL is not http(s). */
const FALLBACK_URL = 'https://capture.portal-audit.invalid/';

/**
 * Screenshots of a stored page with the evidence element outlined. The stored HTML is re-rendered
 * offline in Chromium: JavaScript off, the document served under the captured-page CSP (sandboxed, no
 * network, no meta refresh), every other request aborted. So the picture shows the element where the
 * rule found it even below the first viewport, at the cost of the page's external CSS and images,
 * which are not stored. The crawl's own screenshot is shown beside it.
 */
export class Highlighter {
  #browser: Promise<Browser> | null = null;
  readonly #limit = pLimit(1);
  #closed = false;

  constructor(private readonly executablePath: string) {}

  /** JPEG bytes, or null when the selector matches nothing (or is not CSS) in the stored HTML. */
  render(html: string, selector: string, pageUrl: string): Promise<Buffer | null> {
    return this.#limit(() => this.#render(html, selector, pageUrl));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const browser = this.#browser;
    this.#browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
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

  async #render(html: string, selector: string, pageUrl: string): Promise<Buffer | null> {
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
      let target: ReturnType<typeof page.locator>;
      try {
        target = page.locator(`css=${selector}`).first();
        if ((await target.count()) === 0) return null;
      } catch {
        return null; // not a CSS selector this engine can parse
      }
      // Inline style through the CSSOM: the page's CSP allows it, and no <style> load event is awaited.
      await target.evaluate((el) => {
        const style = (el as HTMLElement).style;
        style.setProperty('outline', '4px solid #d40000', 'important');
        style.setProperty('outline-offset', '3px', 'important');
        style.setProperty('box-shadow', '0 0 0 8px rgba(255, 230, 0, 0.55)', 'important');
        el.scrollIntoView({ block: 'center', inline: 'nearest' });
      });
      return await page.screenshot({ type: 'jpeg', quality: 80 });
    } finally {
      await context.close().catch(() => undefined);
    }
  }
}
