import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../crawlers/crawl-site.ts';
import { type CrawlRecord, type LinkPrioritizer, NO_HINT, type PageCapture } from '../../src/core/index.ts';
import { type RawService, startRawService } from '../helpers/hostile-pages.ts';
import { page, startServer, type TestServer } from '../helpers/hostile-server.ts';

/** Links named "Apply …" are services: the crawl follows them one hop onto their (external) host. */
const serviceHints: LinkPrioritizer = ({ text }) =>
  text.startsWith('Apply') ? { score: 3, service: true, language: false, codes: ['service'] } : NO_HINT;

describe('a linked service host that never answers', () => {
  let portal: TestServer;
  let service: RawService;
  let connections = 0;

  beforeAll(async () => {
    service = await startRawService('hang', '127.0.0.2');
    const origin = `http://127.0.0.2:${service.port}`;
    const links = Array.from({ length: 10 }, (_, i) => `<a href="${origin}/svc${i}/apply">Apply ${i}</a>`);
    portal = await startServer({ '/': page('City', links.join(' ')) });
    service.onConnection = () => {
      connections++;
    };
  });
  afterAll(async () => {
    await portal?.close();
    await service?.close();
  });

  it('is asked at most three times, then its other pages are recorded with the same status at once', async () => {
    const records: CrawlRecord[] = [];
    const started = performance.now();
    const end = await crawlSite({
      runId: 1,
      url: portal.url('/'),
      budget: { maxPages: 5, maxDepth: 2, maxSeconds: 0 },
      render: 'none',
      allowPrivate: true,
      linkHints: serviceHints,
      sink: { emit: async (r) => void records.push(r) },
      pageTimeoutMs: 1500,
    });
    const seconds = (performance.now() - started) / 1000;
    const external = records
      .flatMap((r) => (r.type === 'page' ? [r.capture] : []))
      .filter((p: PageCapture) => p.site === 'external');
    expect(end.outcome).toBe('ok');
    expect(external.length).toBeGreaterThanOrEqual(8);
    expect(external.every((p) => p.status === 'timeout')).toBe(true);
    // Two failures close the host; with two pages in flight at a time, a third may already be asked.
    const asked = external.filter((p) => !/^Not fetched: 2 earlier pages/.test(p.error ?? ''));
    expect(asked.length).toBeLessThanOrEqual(3);
    // robots.txt and those few pages (connection attempts included): far from one per link.
    expect(connections).toBeLessThan(external.length);
    expect(seconds).toBeLessThan(15);
  });
});
