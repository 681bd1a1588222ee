import { chromium as playwright } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../../crawlers/browser/browser-pool.ts';
import { findChromium } from '../../../crawlers/browser/find-chromium.ts';
import { DOM_CLOCK_INIT_SCRIPT, DOM_SETTLE } from '../../../crawlers/browser/view-scripts.ts';
import { type PageServer, startPageServer } from './page-server.ts';

const chromium = findChromium();
const html = (script: string) => ({
  body: `<!doctype html><html lang="en"><title>t</title><body><main id="m"></main><script>${script}</script></body></html>`,
  type: 'text/html; charset=utf-8',
});

/** The DOM settle counts the quiet time that passed before it was called (the DOM clock init script). */
describe.skipIf(!chromium)('DOM settle with the DOM clock', () => {
  let server: PageServer;
  let browser: Awaited<ReturnType<typeof playwright.launch>>;

  beforeAll(async () => {
    server = await startPageServer({
      // Drawn 100 ms after load, then still.
      '/quiet.html': html(`setTimeout(() => { m.textContent = 'drawn'; }, 100);`),
      // Changes every 40 ms for 1 s.
      '/busy.html': html(
        'let n = 0; const t = setInterval(() => { m.textContent = String(++n); if (n >= 25) clearInterval(t); }, 40);',
      ),
    });
    browser = await playwright.launch({ executablePath: chromium!, args: [...CHROMIUM_ARGS] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function settleAfter(
    path: string,
    idleMs: number,
    clock: boolean,
  ): Promise<{ waited: number; text: string }> {
    const context = await browser.newContext();
    if (clock) await context.addInitScript(DOM_CLOCK_INIT_SCRIPT);
    const page = await context.newPage();
    await page.goto(server.url(path), { waitUntil: 'load' });
    await page.waitForTimeout(idleMs);
    const waited = await page.evaluate(`(${DOM_SETTLE})({ quietMs: 250, capMs: 2500 })`);
    const text = (await page.locator('#m').textContent()) ?? '';
    await context.close();
    return { waited: Number(waited), text };
  }

  it('does not wait again for a DOM that has been still since before the call', async () => {
    const withClock = await settleAfter('/quiet.html', 500, true);
    expect(withClock.text).toBe('drawn');
    expect(withClock.waited).toBeLessThan(100);
    // Without the clock, the whole quiet time is waited out from the call.
    const withoutClock = await settleAfter('/quiet.html', 500, false);
    expect(withoutClock.waited).toBeGreaterThanOrEqual(240);
  });

  it('still waits for a DOM that is changing until it is still', async () => {
    const busy = await settleAfter('/busy.html', 0, true);
    expect(busy.text).toBe('25');
    expect(busy.waited).toBeGreaterThanOrEqual(250);
  });
});
