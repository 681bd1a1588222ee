import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { AXE_SOURCE, AXE_TAGS } from '../../crawlers/browser/axe-run.ts';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { DESKTOP_VIEWPORT } from '../../crawlers/browser/render-page.ts';

/**
 * The physical limit of a rendered audit on this machine: in the same Chromium (same flags and
 * viewport), `page.goto` + inject axe (the same axe-core build) + `axe.run` with the same WCAG 2.2 AA
 * tags and result types as the pipeline, same concurrency, one context. Each of the `concurrency`
 * workers keeps one page and navigates it from URL to URL, which is the cheapest way to load pages
 * (a new page per URL costs a renderer process and a cold script cache). Nothing is kept.
 */
export class BareLoop {
  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
  ) {}

  static async launch(executablePath: string): Promise<BareLoop> {
    const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
    const context = await browser.newContext({ viewport: { ...DESKTOP_VIEWPORT } });
    return new BareLoop(browser, context);
  }

  /** Audits every URL; returns the number of axe violations found (a sanity check that axe ran). */
  async run(urls: readonly string[], concurrency: number): Promise<number> {
    const options = JSON.stringify({
      runOnly: { type: 'tag', values: AXE_TAGS },
      resultTypes: ['violations', 'incomplete'],
    });
    let next = 0;
    let violations = 0;
    const worker = async () => {
      const page = await this.context.newPage();
      try {
        for (let i = next++; i < urls.length; i = next++) {
          await page.goto(urls[i]!, { waitUntil: 'load', timeout: 60_000 });
          await page.evaluate(AXE_SOURCE);
          violations += (await page.evaluate(
            `window.axe.run(document, ${options}).then((r) => r.violations.length)`,
          )) as number;
        }
      } finally {
        await page.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
    return violations;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
  }
}
