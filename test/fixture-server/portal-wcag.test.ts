import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPortals, type StartedPortal, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import { checkPage, chromiumPath, crawlRendered, launchChromium, loopbackContext } from './portal-checks.ts';

/**
 * Label 210 (WCAG 2.1 AA, judged with axe for WCAG 2.2 AA tags) checked against the real thing:
 * a portal labelled met has no violation on any page; a portal labelled not met shows the
 * mistakes it was built with, where its truth.json says.
 */
const BUILT_IN_MISTAKES: Record<string, Record<string, string[]>> = {
  demo: { '/': ['color-contrast', 'label'], '/events/': ['image-alt'] },
  'fr-ville': { '/': ['color-contrast', 'link-name'], '/vivre/culture-sport.html': ['image-alt'] },
  'pt-cidade-spa': { '/': ['color-contrast', 'label'], '/noticias': ['image-alt'] },
  'en-national-min': { '/': ['image-alt', 'link-name', 'color-contrast'] },
  'ar-baladiya': { '/': ['color-contrast'], '/media/': ['image-alt'] },
  'ru-gorod': { '/': ['color-contrast'], '/afisha.html': ['image-alt'] },
  'en-borough-app': { '/index.html?view=news': ['image-alt'] },
};

describe.skipIf(!chromiumPath())('fixture portals: WCAG label (210) against axe-core in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let blocked: string[];
  const started: StartedPortal[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    ({ context, blocked } = await loopbackContext(browser));
    for (const portal of await listPortals()) started.push(await startPortal(portal.dir));
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(started.map((p) => p.close()));
  });

  const byName = (name: string) => started.find((p) => p.name === name)!;

  it.each(['es-nacional', 'it-comune', 'zh-shizhengfu', 'en-large-council'])(
    '%s is labelled clean and has no violation on any page',
    async (name) => {
      const portal = byName(name);
      expect(portal.truth.indicators['210']?.met).toBe(true);
      const origins = [portal.home, ...Object.values(portal.externals).map((o) => `${o}/`)];
      const reports = (
        await Promise.all(origins.map((o) => crawlRendered(context, o, { axe: true })))
      ).flat();
      expect(reports.length).toBeGreaterThanOrEqual(12);
      const failing = reports
        .filter((r) => r.violations.length > 0)
        .map((r) => `${r.url}: ${r.violations.map((v) => v.id)}`);
      expect(failing).toEqual([]);
      expect(blocked).toEqual([]);
      // Every page through axe is slow on a busy 2-core machine; allow for it.
    },
    240_000,
  );

  it.each(Object.keys(BUILT_IN_MISTAKES))(
    '%s is labelled not clean and shows its built-in mistakes',
    async (name) => {
      const portal = byName(name);
      expect(portal.truth.indicators['210']?.met).toBe(false);
      for (const [path, ruleIds] of Object.entries(BUILT_IN_MISTAKES[name]!)) {
        const report = await checkPage(context, new URL(path, portal.origin).href, { axe: true });
        const found = report.violations.map((v) => v.id);
        for (const ruleId of ruleIds) expect(found, `${name} ${path}`).toContain(ruleId);
      }
      expect(blocked).toEqual([]);
    },
  );
});
