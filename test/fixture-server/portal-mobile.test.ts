import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPortals, type PortalEntry, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import { chromiumPath, crawlRendered, launchChromium, loopbackContext } from './portal-checks.ts';

/**
 * Every page of every portal opened in Chromium at 360 px: it renders content without errors or
 * internet requests, and label 204 (mobile friendliness) matches what the page does.
 */
describe.skipIf(!chromiumPath())('fixture portals rendered at 360 px', () => {
  let browser: Browser;
  let context: BrowserContext;
  let blocked: string[];
  let portals: PortalEntry[];

  beforeAll(async () => {
    browser = await launchChromium();
    ({ context, blocked } = await loopbackContext(browser));
    portals = await listPortals();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    'ar-baladiya',
    'demo',
    'en-national-min',
    'es-nacional',
    'fr-ville',
    'it-comune',
    'pt-cidade-spa',
    'ru-gorod',
    'zh-shizhengfu',
    'en-large-council',
  ])(
    '%s: pages render and label 204 holds',
    async (name) => {
      const portal = await startPortal(portals.find((p) => p.name === name)!.dir);
      try {
        const reports = await crawlRendered(context, portal.home, { axe: false, concurrency: 3 });
        expect(reports.length).toBeGreaterThanOrEqual(12);
        for (const report of reports) {
          expect(report.status, report.url).toBe(200);
          expect(report.textLength, report.url).toBeGreaterThan(300);
          expect(report.title, report.url).not.toBe('');
          expect(report.consoleErrors, report.url).toEqual([]);
        }
        const mobileFriendly = reports.map((r) => r.viewportMeta !== null && !r.horizontalScroll);
        if (portal.truth.indicators['204']!.met) {
          expect(
            reports.filter((r) => r.viewportMeta === null || r.horizontalScroll).map((r) => r.url),
          ).toEqual([]);
        } else {
          expect(mobileFriendly[0], 'home page is not mobile friendly').toBe(false);
        }
        expect(blocked).toEqual([]);
      } finally {
        await portal.close();
      }
    },
    120_000,
  );
});
