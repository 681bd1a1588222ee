import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserRenderer } from '../../crawlers/browser/browser-renderer.ts';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import { crawlSite } from '../../crawlers/crawl-site.ts';
import { type CrawlRecord, foldText, type LinkPrioritizer, NO_HINT } from '../../src/core/index.ts';
import { type CitySite, startCitySite } from './city-site.ts';

/** Integration: crawlSite with the real Chromium renderer (render 'auto') over the city fixture. */
const chromium = findChromium();

const hints: LinkPrioritizer = ({ url, text }) => {
  const t = foldText(`${text} ${url}`);
  if (/permit|apply/.test(t)) return { score: 3, service: true, language: false, codes: ['service'] };
  if (/privacy/.test(t)) return { score: 2, service: false, language: false, codes: ['234'] };
  return NO_HINT;
};

describe.skipIf(!chromium)('crawlSite with BrowserRenderer (render auto)', () => {
  let site: CitySite;
  let renderer: BrowserRenderer;
  const records: CrawlRecord[] = [];

  beforeAll(async () => {
    site = await startCitySite();
    renderer = new BrowserRenderer({ executablePath: chromium!, blockNonLoopback: true });
    await crawlSite({
      runId: 3,
      url: site.portal.url('/'),
      budget: { maxPages: 5, maxDepth: 1, maxSeconds: 0 },
      render: 'auto',
      allowPrivate: true,
      linkHints: hints,
      renderer,
      sink: { emit: async (r) => void records.push(r) },
    });
  });
  afterAll(async () => {
    await renderer?.close();
    await site?.close();
  });

  it('renders the home page and hinted pages in Chromium, with screenshot and axe results', () => {
    const pages = records.flatMap((r) => (r.type === 'page' ? [r] : []));
    const home = pages.find((p) => p.capture.url === site.portal.url('/'))!;
    expect(home.capture).toMatchObject({ status: 'ok', rendered: true, title: 'Springfield City Council' });
    const shot = home.artifacts.find((a) => a.kind === 'screenshot');
    expect(shot?.mediaType).toBe('image/jpeg');
    expect(home.capture.render?.screenshot).toBe(shot?.hash);
    expect(home.capture.render?.axe?.engine).toBe('axe-core');
    expect(home.capture.render?.performance?.requests).toBeGreaterThanOrEqual(1);
    expect(home.capture.render?.performance?.transferBytes).toBeGreaterThan(0);

    const renderedUrls = pages.filter((p) => p.capture.rendered).map((p) => p.capture.url);
    expect(renderedUrls).toContain(site.portal.url('/privacy'));
    expect(renderedUrls).toContain(site.provider.url('/apply'));
    expect(renderedUrls).not.toContain(site.portal.url('/about'));
    const end = records.at(-1);
    expect(end?.type === 'crawl-end' && end.end.outcome).toBe('ok');
  });
});
