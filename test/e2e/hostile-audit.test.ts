import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchStatus } from '../../src/core/index.ts';
import { auditSite } from '../../src/pipeline/audit-site.ts';
import type { AuditReport } from '../../src/report/report-types.ts';
import { hostileRoutes, infiniteCalendar, startServer, type TestServer } from '../helpers/hostile-server.ts';
import { tempWorkdir } from '../helpers/run-cli.ts';

const work = tempWorkdir('pa-hostile-');
let server: TestServer;
let blocked: TestServer;

beforeAll(async () => {
  server = await startServer(hostileRoutes().routes, { fallback: infiniteCalendar });
  blocked = await startServer(
    { '/': '<html><body>Hidden</body></html>' },
    { robots: 'User-agent: *\nDisallow: /\n' },
  );
});
afterAll(async () => {
  await server?.close();
  await blocked?.close();
  work.cleanup();
});

async function audit(url: string, name: string, extra: { maxPages?: number } = {}): Promise<AuditReport> {
  const outDir = work.path(name);
  const { report } = await auditSite({
    url,
    level: 'city',
    budget: { maxPages: extra.maxPages ?? 10, maxDepth: 4, maxSeconds: 0 },
    render: 'none',
    allowPrivate: true,
    dbFile: work.path('hostile.db'),
    outDir,
    pageTimeoutMs: 1500,
  });
  // Whatever happened to the portal, both report files are written.
  expect(existsSync(join(outDir, 'report.json'))).toBe(true);
  expect(readFileSync(join(outDir, 'report.html'), 'utf8')).toContain('</html>');
  return report;
}

describe('auditing hostile sites: every failure ends in its status and a report', () => {
  const cases: [path: string, status: FetchStatus][] = [
    ['/loop-a', 'redirect_loop'],
    ['/error-500', 'http_5xx'],
    ['/slow', 'timeout'],
    ['/huge', 'too_large'],
    ['/binary', 'not_html'],
    ['/forbidden', 'bot_blocked'],
  ];
  for (const [path, status] of cases) {
    it(`${path} → ${status}`, async () => {
      const report = await audit(server.url(path), path.slice(1));
      expect(report.crawl.outcome).toBe(status);
      expect(report.crawl.stopReason).toBe('unreachable');
      expect(report.crawl.statuses[status]).toBe(1);
      expect(report.indicators.some((i) => i.outcome === 'met')).toBe(false);
    });
  }

  it('robots.txt disallow-all → blocked_by_robots, and the page is never fetched', async () => {
    const report = await audit(`${blocked.origin}/`, 'robots');
    expect(report.crawl.outcome).toBe('blocked_by_robots');
    expect(blocked.hits).not.toContain('/');
  });

  it('an infinite calendar stays within the budget and the trap guard', async () => {
    const report = await audit(server.url('/calendar/2026/1'), 'calendar', { maxPages: 40 });
    expect(report.crawl.outcome).toBe('ok');
    const calendarHits = server.hits.filter((h) => h.startsWith('/calendar/'));
    expect(calendarHits.length).toBeLessThan(40);
    expect(report.crawl.pages).toBeLessThanOrEqual(40);
  });
});
