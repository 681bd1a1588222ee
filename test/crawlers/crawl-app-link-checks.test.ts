import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserRenderer } from '../../crawlers/browser/browser-renderer.ts';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import { crawlSite } from '../../crawlers/crawl-site.ts';
import { buildLinkPrioritizer, getCatalog } from '../../rules/index.ts';
import type { CrawlEnd, CrawlRecord, PageCapture } from '../../src/core/index.ts';
import { PORTALS_ROOT, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import { type PageServer, startPageServer } from './browser/page-server.ts';

/**
 * Link checks on sites drawn by script: the browser only where HTTP cannot tell (the app serves one
 * page for every address), HTTP where each address is served with content of its own.
 */
const chromium = findChromium();
const SECTIONS = ['parking', 'waste', 'housing', 'schools', 'libraries', 'permits'];

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

async function crawl(
  url: string,
  renderer: BrowserRenderer,
): Promise<{ end: CrawlEnd; checks: PageCapture[] }> {
  const records: CrawlRecord[] = [];
  const end = await crawlSite({
    runId: 1,
    url,
    budget: { maxPages: 1, maxDepth: 4, maxSeconds: 0 },
    render: 'auto',
    allowPrivate: true,
    linkHints: buildLinkPrioritizer(getCatalog('losi-2024')),
    renderer,
    sink: { emit: async (r) => void records.push(r) },
  });
  const checks = records.flatMap((r) =>
    r.type === 'page' && r.capture.fetchedFor === 'link-check' && r.capture.site === 'portal'
      ? [r.capture]
      : [],
  );
  return { end, checks };
}

describe.skipIf(!chromium)('link checks on sites drawn by script', () => {
  let renderer: BrowserRenderer;
  let widgetSite: PageServer;

  beforeAll(async () => {
    renderer = new BrowserRenderer({ executablePath: chromium!, blockNonLoopback: true });
    // Pages served with their content; the home page's news list (links) is drawn by script.
    const news = SECTIONS.map((s) => `<li><a href="/${s}.html">Apply online for ${s} services</a></li>`).join(
      '',
    );
    const routes: Parameters<typeof startPageServer>[0] = {
      '/': {
        type: 'text/html; charset=utf-8',
        body: page(
          'City of Testford',
          `<h1>City of Testford</h1><p>${'Welcome to the official portal of the city. '.repeat(6)}</p>` +
            `<nav><a href="/parking.html">Parking</a><a href="/waste.html">Waste</a><a href="/contact.html">Contact</a></nav>` +
            `<ul id="news"></ul><script>document.getElementById('news').innerHTML = ${JSON.stringify(news)};</script>`,
        ),
      },
    };
    for (const s of [...SECTIONS, 'contact']) {
      routes[`/${s}.html`] = {
        type: 'text/html; charset=utf-8',
        body: page(
          s,
          `<h1>${s}</h1><p>${`Everything about ${s}: how to apply, fees and opening hours. `.repeat(5)}</p>`,
        ),
      };
    }
    widgetSite = await startPageServer(routes);
  });
  afterAll(async () => {
    await renderer?.close();
    await widgetSite?.close();
  });

  it('fetches over HTTP the link targets a site serves with content of their own', async () => {
    const { end, checks } = await crawl(`${widgetSite.origin}/`, renderer);
    expect(end.spa).toBe(true);
    expect(checks.length).toBeGreaterThanOrEqual(3);
    for (const c of checks) expect(c, c.url).toMatchObject({ status: 'ok', rendered: false });
  }, 120_000);

  it('renders the link targets an app serves with its one page, and still finds its soft 404', async () => {
    const portal = await startPortal(`${PORTALS_ROOT}/en-borough-app`);
    try {
      const { end, checks } = await crawl(portal.home, renderer);
      expect(end.spa).toBe(true);
      const views = checks.filter((c) => c.url.includes('?view='));
      expect(views.length).toBeGreaterThanOrEqual(3);
      for (const c of views) expect(c.rendered, c.url).toBe(true);
      const jobs = views.find((c) => c.url.endsWith('?view=jobs'));
      if (jobs) expect(jobs.status).toBe('soft_404');
    } finally {
      await portal.close();
    }
  }, 120_000);
});
