import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageRenderer, RenderedPage, RenderOptions } from '../../crawlers/contracts.ts';
import { summarizeResults } from '../../crawlers/crawl/search-probe.ts';
import { crawlSite } from '../../crawlers/crawl-site.ts';
import { extractPage } from '../../crawlers/extract/extract-page.ts';
import { httpFetch } from '../../crawlers/http/http-fetcher.ts';
import {
  type CrawlRecord,
  foldText,
  type LinkPrioritizer,
  NO_HINT,
  type PageCapture,
  type SearchProbeArtifact,
} from '../../src/core/index.ts';
import { html, startServer, type TestServer } from '../helpers/hostile-server.ts';
import { ANY_PRIVATE } from '../helpers/network.ts';
import { type CitySite, startCitySite } from './city-site.ts';

/**
 * The crawl's render policy (which pages go to the browser, SPA switch, screenshots as artifacts),
 * driven through the PageRenderer interface. The "browser" here loads pages over real HTTP and runs
 * the one "script" the SPA fixture has (moving <template id="app"> into #root); real Chromium
 * rendering is tested in test/crawlers/browser/.
 */
class HttpBackedRenderer implements PageRenderer {
  readonly rendered: string[] = [];
  readonly probes: { pageUrl: string; formSelector: string; inputSelector: string; query: string }[] = [];
  static readonly JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

  async render(url: string, options: RenderOptions): Promise<RenderedPage> {
    this.rendered.push(url);
    const out = await httpFetch(url, { userAgent: options.userAgent, network: ANY_PRIVATE });
    const dom = out.html?.replace(
      /<div id="root"><\/div>([\s\S]*)<template id="app">([\s\S]*?)<\/template>/,
      '<div id="root">$2</div>$1',
    );
    const visibleText = dom ? extractPage(dom, out.finalUrl, { isSameSite: () => true }).text : '';
    return {
      ...out,
      html: dom ?? null,
      visibleText,
      render: { screenshot: null, consoleErrors: [], mobile: null, axe: null, renderMs: 1 },
      screenshotJpeg: HttpBackedRenderer.JPEG,
    };
  }

  async probeSearch(
    pageUrl: string,
    form: { formSelector: string; inputSelector: string },
    query: string,
    options: RenderOptions,
  ) {
    this.probes.push({ pageUrl, ...form, query });
    const out = await httpFetch(new URL(`/search?q=${query}`, pageUrl).href, {
      userAgent: options.userAgent,
      network: ANY_PRIVATE,
    });
    return { ...summarizeResults(out, query, () => true), screenshotJpeg: HttpBackedRenderer.JPEG };
  }

  async close(): Promise<void> {}
}

const hints: LinkPrioritizer = ({ url, text }) => {
  const t = foldText(`${text} ${url}`);
  if (/permit|apply/.test(t)) return { score: 3, service: true, language: false, codes: ['service'] };
  if (/privacy/.test(t)) return { score: 2, service: false, language: false, codes: ['234'] };
  return NO_HINT;
};

function collect() {
  const records: CrawlRecord[] = [];
  const pages = () => records.flatMap((r) => (r.type === 'page' ? [r] : []));
  return { sink: { emit: async (r: CrawlRecord) => void records.push(r) }, records, pages };
}

const pathOf = (c: PageCapture) => new URL(c.url).pathname;

describe('render policy', () => {
  let site: CitySite;
  let spa: TestServer;

  beforeAll(async () => {
    site = await startCitySite();
    const shell = (inner: string) =>
      `<!doctype html><html lang="en"><head><title>App</title></head><body><div id="root"></div>` +
      `<script src="/app.js"></script><template id="app">${inner}</template></body></html>`;
    spa = await startServer({
      '/': (_req, res) =>
        html(
          res,
          shell(`<nav><a href="/news">News</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy</a></nav>
            <form role="search"><input type="search" name="q"></form>
            <main><h1>City app</h1><p>Welcome to the city application with many words of content.</p></main>`),
        ),
      '/news': (_req, res) => html(res, shell('<main><h1>News</h1></main>')),
      '/contact': (_req, res) => html(res, shell('<main><h1>Contact</h1></main>')),
      '/privacy': (_req, res) => html(res, shell('<main><h1>Privacy</h1></main>')),
      '/search': (_req, res) => html(res, shell('<main>No results</main>')),
    });
  });
  afterAll(async () => {
    await Promise.all([site.close(), spa.close()]);
  });

  const base = {
    runId: 1,
    budget: { maxPages: 30, maxDepth: 2, maxSeconds: 0 },
    allowPrivate: true,
    linkHints: hints,
  };

  it('auto renders the home page and pages reached through hinted links, with screenshots as artifacts', async () => {
    const renderer = new HttpBackedRenderer();
    const { sink, pages } = collect();
    const end = await crawlSite({ ...base, url: site.portal.url('/'), render: 'auto', renderer, sink });
    expect(end.spa).toBe(false);
    const rendered = pages()
      .filter((r) => r.capture.rendered)
      .map((r) => r.capture.url);
    expect(new Set(rendered)).toEqual(
      new Set([
        site.portal.url('/'),
        site.portal.url('/privacy'),
        site.portal.url('/es/'),
        site.provider.url('/apply'),
      ]),
    );
    const about = pages().find((r) => pathOf(r.capture) === '/about')!;
    expect(about.capture.rendered).toBe(false);
    expect(about.capture.render).toBeUndefined();

    const home = pages()[0]!;
    const shot = home.artifacts.find((a) => a.kind === 'screenshot')!;
    expect(shot).toMatchObject({ mediaType: 'image/jpeg' });
    expect(home.capture.render?.screenshot).toBe(shot.hash);
    expect(home.artifacts.find((a) => a.kind === 'html')?.hash).toBe(home.capture.htmlHash);
  });

  it('switches an empty JS shell to the browser for every page and probes search in the browser', async () => {
    const renderer = new HttpBackedRenderer();
    const { sink, pages, records } = collect();
    const end = await crawlSite({
      ...base,
      url: spa.url('/'),
      render: 'auto',
      renderer,
      sink,
      linkHints: () => NO_HINT,
    });
    expect(end.spa).toBe(true);
    expect(
      pages()
        .map((r) => pathOf(r.capture))
        .sort(),
    ).toEqual(['/', '/contact', '/news', '/privacy']);
    expect(pages().every((r) => r.capture.rendered)).toBe(true);
    const home = pages()[0]!.capture;
    expect(home.text).toContain('Welcome to the city application');
    const probe = records.find((r) => r.type === 'site-artifact' && r.kind === 'searchProbe');
    expect(probe?.type).toBe('site-artifact');
    if (probe?.type !== 'site-artifact') return;
    const data = probe.data as SearchProbeArtifact;
    expect(data.via).toBe('browser');
    expect(renderer.probes.map((p) => p.query)).toEqual([data.real.query, 'zqxwvkjh']);
    expect(renderer.probes[0]!.inputSelector).toMatch(/input\[name="q"\]$/);
    expect(probe.artifacts.filter((a) => a.kind === 'screenshot')).toHaveLength(2);
    expect(data.real.screenshot).toMatch(/^[0-9a-f]{64}$/);
  });

  it("'all' renders every page; 'none' renders nothing even with a renderer", async () => {
    const renderer = new HttpBackedRenderer();
    const all = collect();
    await crawlSite({ ...base, url: site.portal.url('/'), render: 'all', renderer, sink: all.sink });
    expect(
      all
        .pages()
        .filter((r) => r.capture.status === 'ok')
        .every((r) => r.capture.rendered),
    ).toBe(true);

    const idle = new HttpBackedRenderer();
    const none = collect();
    await crawlSite({ ...base, url: site.portal.url('/'), render: 'none', renderer: idle, sink: none.sink });
    expect(idle.rendered).toEqual([]);
    expect(none.pages().some((r) => r.capture.rendered)).toBe(false);
  });
});
