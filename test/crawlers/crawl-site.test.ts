import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrawlCheckpoint, type CrawlSiteOptions, crawlSite } from '../../crawlers/crawl-site.ts';
import {
  type CrawlEnd,
  type CrawlProgress,
  type CrawlRecord,
  foldText,
  type LinkPrioritizer,
  NO_HINT,
  noLinkHints,
  type PageCapture,
  type SearchProbeArtifact,
  type SiteArtifacts,
} from '../../src/core/index.ts';
import { html, infiniteCalendar, page, startServer } from '../helpers/hostile-server.ts';
import { type CitySite, startCitySite } from './city-site.ts';

class CollectingSink {
  records: CrawlRecord[] = [];
  async emit(record: CrawlRecord): Promise<void> {
    this.records.push(structuredClone(record));
  }
  get pages(): PageCapture[] {
    return this.records.flatMap((r) => (r.type === 'page' ? [r.capture] : []));
  }
  artifact<K extends keyof SiteArtifacts>(kind: K): SiteArtifacts[K] | undefined {
    const r = this.records.find((x) => x.type === 'site-artifact' && x.kind === kind);
    return r?.type === 'site-artifact' ? (r.data as SiteArtifacts[K]) : undefined;
  }
  get end(): CrawlEnd {
    const r = this.records.find((x) => x.type === 'crawl-end');
    if (r?.type !== 'crawl-end') throw new Error('no crawl-end');
    return r.end;
  }
}

/** Scores like a lexicon would: services, privacy and language switches. */
const cityHints: LinkPrioritizer = ({ url, text }) => {
  const t = foldText(`${text} ${url}`);
  if (/permit|apply/.test(t)) return { score: 3, service: true, language: false, codes: ['service'] };
  if (/privacy/.test(t)) return { score: 2, service: false, language: false, codes: ['234'] };
  if (/espanol/.test(t)) return { score: 1, service: false, language: true, codes: ['212'] };
  return NO_HINT;
};

function options(
  site: CitySite,
  sink: CollectingSink,
  extra: Partial<CrawlSiteOptions> = {},
): CrawlSiteOptions {
  return {
    runId: 7,
    url: site.portal.url('/'),
    budget: { maxPages: 40, maxDepth: 3, maxSeconds: 0 },
    render: 'none',
    allowPrivate: true,
    linkHints: cityHints,
    sink,
    pageTimeoutMs: 5000,
    ...extra,
  };
}

const path = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

describe('crawlSite over a small city portal (render none)', () => {
  let site: CitySite;
  const sink = new CollectingSink();
  const progress: CrawlProgress[] = [];
  const checkpoints: CrawlCheckpoint[] = [];
  const validated: { url: string; html: string }[][] = [];
  let end: CrawlEnd;

  beforeAll(async () => {
    site = await startCitySite();
    end = await crawlSite(
      options(site, sink, {
        onProgress: (p) => progress.push(p),
        onCheckpoint: async (cp) => {
          checkpoints.push(structuredClone(cp));
        },
        validateMarkup: async (pages) => {
          validated.push(pages);
          return { validator: 'vnu', version: 'test', available: true, pages: [] };
        },
      }),
    );
  });
  afterAll(() => site.close());

  it('ends ok with the frontier exhausted and a crawl-end record last', () => {
    expect(end.outcome).toBe('ok');
    expect(end.stopReason).toBe('frontier_exhausted');
    expect(end.finalHomeUrl).toBe(site.portal.url('/'));
    expect(sink.records.at(-1)).toEqual({ type: 'crawl-end', runId: 7, end });
    expect(sink.records.every((r) => r.runId === 7)).toBe(true);
    expect(sink.records[0]).toMatchObject({ type: 'site-artifact', kind: 'robots' });
  });

  it('captures the portal pages once each, within maxDepth, skipping PDFs and placeholders', () => {
    const portal = sink.pages.filter((p) => p.site === 'portal').map((p) => path(p.url));
    expect(new Set(portal).size).toBe(portal.length);
    for (const p of [
      '/',
      '/about',
      '/services',
      '/services/parking',
      '/contact',
      '/privacy',
      '/es/',
      '/es/tramites',
    ]) {
      expect(portal).toContain(p);
    }
    expect(portal).toContain('/d3');
    expect(portal).not.toContain('/d4');
    expect(portal.some((p) => p.includes('.pdf') || p.includes('utm_'))).toBe(false);
    expect(site.portal.hits).not.toContain('/d4');
    expect(site.portal.hits.some((h) => h.endsWith('.pdf'))).toBe(false);
  });

  it('records link paths from the home page', () => {
    const byPath = new Map(sink.pages.map((p) => [path(p.url), p]));
    const home = site.portal.url('/');
    expect(byPath.get('/')!.linkPath).toEqual([{ url: home, text: '' }]);
    const parking = byPath.get('/services/parking')!;
    expect(parking.depth).toBe(2);
    expect(parking.linkPath).toEqual([
      { url: home, text: '' },
      { url: site.portal.url('/services'), text: 'Services' },
      { url: site.portal.url('/services/parking'), text: 'Parking services' },
    ]);
    const hidden = byPath.get('/hidden-page')!;
    expect(hidden.linkPath).toEqual([
      { url: home, text: '' },
      { url: site.portal.url('/hidden-page'), text: '' },
    ]);
    expect(hidden.depth).toBe(1);
  });

  it('builds full captures with an HTML artifact per page', () => {
    const record = sink.records.find((r) => r.type === 'page' && path(r.capture.url) === '/contact');
    expect(record?.type).toBe('page');
    if (record?.type !== 'page') return;
    expect(record.capture).toMatchObject({
      status: 'ok',
      httpStatus: 200,
      title: 'Contact',
      rendered: false,
    });
    expect(record.capture.text).toContain('City Hall');
    expect(record.artifacts).toHaveLength(1);
    expect(record.artifacts[0]).toMatchObject({
      kind: 'html',
      mediaType: 'text/html',
      hash: record.capture.htmlHash,
    });
    expect(record.artifacts[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records robots-disallowed URLs without fetching or counting them', () => {
    const secret = sink.pages.find((p) => path(p.url) === '/private/secret');
    expect(secret?.status).toBe('blocked_by_robots');
    expect(site.portal.hits).not.toContain('/private/secret');
    const counted = sink.pages.filter((p) => p.site === 'portal' && p.status !== 'blocked_by_robots');
    expect(end.pages).toBe(counted.length);
    const total = Object.values(end.statuses).reduce((a, b) => a + (b ?? 0), 0);
    expect(total).toBe(sink.pages.length);
    expect(end.statuses.blocked_by_robots).toBe(1);
  });

  it('captures an external service one hop, and nothing else of that site', () => {
    const external = sink.pages.filter((p) => p.site === 'external');
    expect(external.map((p) => p.url)).toEqual([site.provider.url('/apply')]);
    expect(external[0]).toMatchObject({ status: 'ok', depth: 1, title: 'Parking permits' });
    expect(external[0]!.linkPath.at(-1)).toEqual({
      url: site.provider.url('/apply'),
      text: 'Apply for a parking permit online',
    });
    // Besides that page, only the root of its http:// address, once: the transport check asks whether it redirects to https.
    expect(site.provider.hits.filter((h) => h !== '/robots.txt')).toEqual(['/apply', '/']);
    expect(sink.artifact('transport')?.hosts.map((h) => [h.role, h.host])).toEqual([
      ['portal', new URL(site.portal.origin).host],
      ['service', new URL(site.provider.origin).host],
    ]);
  });

  it('emits the sitemap artifact and feeds its URLs', () => {
    expect(sink.artifact('sitemap')).toEqual({
      xml: [{ url: site.portal.url('/sitemap.xml'), httpStatus: 200, urlCount: 2 }],
      urlCount: 2,
    });
    expect(sink.artifact('robots')).toMatchObject({ found: true, homeDisallowed: false });
  });

  it('probes the search form with a word from the home page and a nonsense word', () => {
    const probe = sink.artifact('searchProbe') as SearchProbeArtifact;
    expect(probe).toMatchObject({ pageUrl: site.portal.url('/'), inputName: 'q', via: 'http' });
    expect(probe.real.query).toBe('council');
    expect(probe.real.status).toBe('ok');
    expect(probe.real.resultsUrl).toBe(site.portal.url('/search?lang=en&q=council'));
    expect(probe.real.queryOccurrences).toBeGreaterThanOrEqual(4);
    expect(probe.real.mainLinkCount).toBe(3);
    expect(probe.real.snippet).toContain('council');
    expect(probe.nonsense.query).toBe('zqxwvkjh');
    expect(probe.nonsense.queryOccurrences).toBe(0);
    expect(probe.nonsense.mainLinkCount).toBe(0);
    expect(probe.nonsense.textLength).toBeLessThan(probe.real.textLength);
  });

  it('validates the markup of up to 10 portal pages, home first', () => {
    expect(validated).toHaveLength(1);
    expect(validated[0]!.length).toBe(10);
    expect(validated[0]![0]!.url).toBe(site.portal.url('/'));
    expect(validated[0]![0]!.html).toContain('Welcome to Springfield');
    expect(sink.artifact('markupValidation')).toMatchObject({ validator: 'vnu', available: true });
  });

  it('reports progress after every page and checkpoints the frontier', () => {
    const crawlEvents = progress.filter((p) => p.phase === 'crawl' || p.phase === 'external');
    expect(crawlEvents.length).toBeGreaterThanOrEqual(sink.pages.length);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', pagesDone: end.pages, pagesBudget: 40 });
    expect(checkpoints.length).toBeGreaterThanOrEqual(sink.pages.length - 1);
    const last = checkpoints.at(-1)!;
    expect(last.portal.pending).toEqual([]);
    expect(last.portal.visited).toContain(site.portal.url('/privacy'));
  });
});

describe('crawlSite order, traps, robots and resume', () => {
  let site: CitySite;
  beforeAll(async () => {
    site = await startCitySite();
  });
  afterAll(() => site.close());

  it('visits the language version first, then the page a link hint scores, then the others', async () => {
    const order = async (linkHints: LinkPrioritizer) => {
      const sink = new CollectingSink();
      await crawlSite(
        options(site, sink, {
          linkHints,
          concurrency: 1,
          budget: { maxPages: 4, maxDepth: 1, maxSeconds: 0 },
        }),
      );
      return sink.pages.filter((p) => p.site === 'portal').map((p) => path(p.url));
    };
    const privacyHint: LinkPrioritizer = ({ text }) =>
      /privacy/i.test(text) ? { ...NO_HINT, score: 2, codes: ['234'] } : NO_HINT;
    // hreflang alternates come first; then nav/header links in document order, unless a hint says otherwise.
    expect(await order(noLinkHints)).toEqual(['/', '/es/', '/about', '/services']);
    expect(await order(privacyHint)).toEqual(['/', '/es/', '/privacy', '/about']);
  });

  it('ends at max_pages when the budget runs out first', async () => {
    const sink = new CollectingSink();
    const end = await crawlSite(options(site, sink, { budget: { maxPages: 4, maxDepth: 3, maxSeconds: 0 } }));
    expect(end.stopReason).toBe('max_pages');
    expect(end.pages).toBe(4);
  });

  it('stops scheduling pages after maxSeconds', async () => {
    const links = Array.from({ length: 40 }, (_, i) => `<a href="/p${i}">Page ${i}</a>`).join(' ');
    const slow = await startServer(
      { '/': page('Many', `<main>${links}</main>`) },
      {
        fallback: async (_req, res, url) => {
          await new Promise((r) => setTimeout(r, 150));
          html(res, page(url.pathname, '<main>slow page</main>'));
          return true;
        },
      },
    );
    try {
      const sink = new CollectingSink();
      const started = Date.now();
      const end = await crawlSite({
        ...options(site, sink, { budget: { maxPages: 100, maxDepth: 2, maxSeconds: 1 } }),
        url: slow.url('/'),
      });
      expect(end.stopReason).toBe('max_seconds');
      expect(Date.now() - started).toBeLessThan(2500);
      expect(end.pages).toBeGreaterThan(2);
      expect(end.pages).toBeLessThan(30);
    } finally {
      await slow.close();
    }
  });

  it('keeps an infinite calendar bounded by the trap guard', async () => {
    const cal = await startServer(
      { '/': page('Events', '<main><a href="/calendar/2024/6">Calendar</a></main>') },
      { fallback: infiniteCalendar },
    );
    try {
      const sink = new CollectingSink();
      const end = await crawlSite({
        ...options(site, sink, { budget: { maxPages: 200, maxDepth: 100, maxSeconds: 0 } }),
        url: cal.url('/'),
      });
      expect(end.stopReason).toBe('frontier_exhausted');
      const calendarPages = sink.pages.filter((p) => p.url.includes('/calendar/'));
      expect(calendarPages.length).toBe(5);
      expect(end.pages).toBeLessThanOrEqual(1 + 5 + 5);
    } finally {
      await cal.close();
    }
  });

  it('ends blocked_by_robots when robots.txt disallows everything, still emitting crawl-end', async () => {
    const closedSite = await startCitySite({ robots: 'User-agent: *\nDisallow: /\n' });
    try {
      const sink = new CollectingSink();
      const end = await crawlSite(options(closedSite, sink));
      expect(end).toMatchObject({ outcome: 'blocked_by_robots', stopReason: 'unreachable', pages: 0 });
      expect(sink.artifact('robots')).toMatchObject({ found: true, homeDisallowed: true });
      expect(sink.pages).toHaveLength(1);
      expect(sink.pages[0]!.status).toBe('blocked_by_robots');
      expect(sink.records.map((r) => r.type)).toEqual(['site-artifact', 'page', 'crawl-end']);
      expect(closedSite.portal.hits).toEqual(['/robots.txt']);
    } finally {
      await closedSite.close();
    }
  });

  it('ends with the home status when the home page is unreachable', async () => {
    const dead = await startServer({});
    const url = dead.url('/');
    await dead.close();
    const sink = new CollectingSink();
    const end = await crawlSite({ ...options(site, sink), url });
    expect(end).toMatchObject({ outcome: 'connection_refused', stopReason: 'unreachable' });
    expect(sink.pages.map((p) => p.status)).toEqual(['connection_refused']);
  });

  it('refuses a loopback portal without allowPrivate, with a message', async () => {
    const sink = new CollectingSink();
    const end = await crawlSite({ ...options(site, sink), allowPrivate: false });
    expect(end.outcome).toBe('private_address');
    expect(end.message).toMatch(/allow-private/);
  });

  it('stops at the abort signal and resumes from the checkpoint without capturing a page twice', async () => {
    const controller = new AbortController();
    const first = new CollectingSink();
    let last: CrawlCheckpoint | undefined;
    const end1 = await crawlSite(
      options(site, first, {
        signal: controller.signal,
        onCheckpoint: async (cp) => {
          last = structuredClone(cp);
          if (cp.portal.visited.length >= 4) controller.abort();
        },
      }),
    );
    expect(end1.stopReason).toBe('interrupted');
    expect(last).toBeDefined();

    const second = new CollectingSink();
    const end2 = await crawlSite(options(site, second, { resume: last }));
    expect(end2.stopReason).toBe('frontier_exhausted');
    const urls = [...first.pages, ...second.pages].map((p) => p.url);
    expect(new Set(urls).size).toBe(urls.length);

    const full = new CollectingSink();
    await crawlSite(options(site, full));
    expect(new Set(urls)).toEqual(new Set(full.pages.map((p) => p.url)));
    expect(end2.pages).toBe(full.end.pages);
  });

  it('probes the search again after a resume from a checkpoint taken before the probe was recorded', async () => {
    const first = new CollectingSink();
    const checkpoints: CrawlCheckpoint[] = [];
    await crawlSite(
      options(site, first, { onCheckpoint: async (cp) => void checkpoints.push(structuredClone(cp)) }),
    );
    expect(first.artifact('searchProbe')).toBeDefined();
    expect(checkpoints.at(-1)?.searchProbed).toBe(true);

    // The probe runs beside the first pages: a checkpoint taken before it was recorded says so.
    const resumed = new CollectingSink();
    await crawlSite(options(site, resumed, { resume: { ...checkpoints[0]!, searchProbed: false } }));
    expect(resumed.artifact('searchProbe')).toMatchObject({ real: { query: 'council' } });
    const done = new CollectingSink();
    await crawlSite(options(site, done, { resume: checkpoints.at(-1) }));
    expect(done.artifact('searchProbe')).toBeUndefined();
  });

  it('throws only on a bad call, not on network trouble', async () => {
    const sink = new CollectingSink();
    await expect(crawlSite({ ...options(site, sink), url: 'ftp://x' })).rejects.toThrow(/http/);
    await expect(crawlSite({ ...options(site, sink), render: 'all' })).rejects.toThrow(/renderer/);
  });

  it('notes an HTTP-only crawl of an empty JS shell when no browser is given', async () => {
    const spa = await startServer({
      '/': (_req, res) =>
        html(
          res,
          '<!doctype html><html><head><title>App</title></head><body><div id="root"></div><script src="/app.js"></script></body></html>',
        ),
    });
    try {
      const sink = new CollectingSink();
      const end = await crawlSite({ ...options(site, sink), url: spa.url('/'), render: 'auto' });
      expect(end.spa).toBe(false);
      expect(end.message).toMatch(/no browser/i);
      expect(end.pages).toBe(1);
    } finally {
      await spa.close();
    }
  });
});
