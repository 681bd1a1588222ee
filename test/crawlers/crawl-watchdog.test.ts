import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../crawlers/crawl-site.ts';
import { type CrawlEnd, type CrawlRecord, noLinkHints, type PageCapture } from '../../src/core/index.ts';
import { page, startServer, type TestServer } from '../helpers/hostile-server.ts';

/** A sink that can be told to hang forever on one kind of record (a stuck store, say). */
class Sink {
  records: CrawlRecord[] = [];
  constructor(private readonly hangOn?: (record: CrawlRecord) => boolean) {}
  emit(record: CrawlRecord): Promise<void> {
    if (this.hangOn?.(record)) return new Promise(() => {});
    this.records.push(record);
    return Promise.resolve();
  }
  get pages(): PageCapture[] {
    return this.records.flatMap((r) => (r.type === 'page' ? [r.capture] : []));
  }
  get ends(): CrawlEnd[] {
    return this.records.flatMap((r) => (r.type === 'crawl-end' ? [r.end] : []));
  }
}

describe('the crawl watchdog', () => {
  let site: TestServer;

  beforeAll(async () => {
    site = await startServer({
      '/': page('Home', '<a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a>'),
      '/a': page('A', 'A page'),
      '/b': page('B', 'B page'),
      '/c': page('C', 'C page'),
    });
  });
  afterAll(() => site?.close());

  const crawl = (sink: Sink, stallTimeoutMs: number) =>
    crawlSite({
      runId: 1,
      url: site.url('/'),
      budget: { maxPages: 10, maxDepth: 2, maxSeconds: 0 },
      render: 'none',
      allowPrivate: true,
      linkHints: noLinkHints,
      sink,
      pageTimeoutMs: 60_000,
      stallTimeoutMs,
    });

  it('ends a crawl that records nothing for its window as stalled, keeping what was captured', async () => {
    // The store hangs on the second page; the other pages in flight are recorded, then nothing is.
    let pages = 0;
    const sink = new Sink((r) => r.type === 'page' && ++pages === 2);
    const started = performance.now();
    const end = await crawl(sink, 1500);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(end.stopReason).toBe('stalled');
    expect(end.outcome).toBe('ok');
    expect(end.message).toMatch(/Nothing was captured for 2 s/);
    const recorded = sink.pages.map((p) => new URL(p.url).pathname);
    expect(recorded[0]).toBe('/');
    expect(recorded.length).toBeLessThan(4);
    expect(sink.ends).toHaveLength(1);
  });

  it('ends as stalled with a timeout outcome when even the home page never comes', async () => {
    const sink = new Sink((r) => r.type === 'page');
    const end = await crawl(sink, 1000);
    expect(end.stopReason).toBe('stalled');
    expect(end.outcome).toBe('timeout');
    expect(sink.ends).toHaveLength(1);
  });

  it('does not fire on a crawl that keeps making progress', async () => {
    const sink = new Sink();
    const end = await crawl(sink, 1500);
    expect(end.stopReason).toBe('frontier_exhausted');
    expect(sink.pages).toHaveLength(4);
  });
});
