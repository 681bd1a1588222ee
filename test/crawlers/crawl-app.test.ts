import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserRenderer } from '../../crawlers/browser/browser-renderer.ts';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import { crawlSite } from '../../crawlers/crawl-site.ts';
import { buildLinkPrioritizer, getCatalog } from '../../rules/index.ts';
import type { CrawlEnd, CrawlRecord, PageCapture } from '../../src/core/index.ts';
import { PORTALS_ROOT, type StartedPortal, startPortal } from '../../src/fixture-server/portal-fixture.ts';

/**
 * A portal drawn by JavaScript (fixtures/portals/en-borough-app): menu and views built from an
 * embedded JSON blob, views addressed by `?view=`, half the menu made of role=menuitem elements
 * without href, tabs, a soft-404 menu item, a 404 PDF link. Crawled as `audit` does (render auto,
 * the catalog's link hints, the default budget) in real Chromium.
 */
const chromium = findChromium();
const VIEWS = [
  'services',
  'bins',
  'council-tax',
  'planning',
  'council',
  'meetings',
  'budget',
  'consultations',
  'news',
  'events',
  'contact',
  'privacy',
  'accessibility',
  'report',
];

describe.skipIf(!chromium)('crawlSite over a portal drawn by script', () => {
  let portal: StartedPortal;
  let renderer: BrowserRenderer;
  const records: CrawlRecord[] = [];
  let end: CrawlEnd;
  const pages = () => records.flatMap((r) => (r.type === 'page' ? [r.capture] : []));
  const view = (name: string): PageCapture | undefined =>
    pages().find((p) => p.url === `${portal.origin}/index.html?view=${name}`);

  beforeAll(async () => {
    portal = await startPortal(`${PORTALS_ROOT}/en-borough-app`);
    renderer = new BrowserRenderer({ executablePath: chromium!, blockNonLoopback: true });
    end = await crawlSite({
      runId: 1,
      url: portal.home,
      budget: { maxPages: 60, maxDepth: 4, maxSeconds: 0 },
      render: 'auto',
      allowPrivate: true,
      linkHints: buildLinkPrioritizer(getCatalog('losi-2024')),
      renderer,
      sink: { emit: async (r) => void records.push(r) },
    });
  }, 300_000);
  afterAll(async () => {
    await renderer?.close();
    await portal?.close();
  });

  it('tells from the rendered home page that the site is an app, though its HTML is not an empty shell', () => {
    expect(end.spa).toBe(true);
    expect(end.message).toContain('drawn by script');
  });

  it('reaches and renders every view, through links, menu items without href and tabs', () => {
    for (const name of VIEWS) {
      expect(view(name), name).toMatchObject({ status: 'ok', rendered: true });
      expect(view(name)?.text.length, name).toBeGreaterThan(200);
    }
    const home = pages().find((p) => p.depth === 0);
    expect(home?.views).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: 'Have your say',
          via: 'click',
          url: `${portal.origin}/index.html?view=consultations`,
        }),
      ]),
    );
  });

  it('takes the Jobs menu item, a "Page not found" view, for a soft 404', () => {
    expect(view('jobs')).toMatchObject({ status: 'soft_404', httpStatus: 200 });
  });

  it('checks the organisation chart link: its PDF answers 404', () => {
    const chart = pages().find((p) => p.url === `${portal.origin}/docs/organisation-chart.pdf`);
    expect(chart).toMatchObject({ status: 'http_4xx', fetchedFor: 'link-check' });
  });
});
