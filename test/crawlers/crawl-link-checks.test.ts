import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../crawlers/crawl-site.ts';
import {
  type CrawlEnd,
  type CrawlRecord,
  foldText,
  type LinkPrioritizer,
  NO_HINT,
  type PageCapture,
} from '../../src/core/index.ts';
import { html, page, startServer, type TestServer } from '../helpers/hostile-server.ts';

/**
 * Links taken at their word (HTTP only): the targets of evidence links the crawl did not reach are
 * fetched after it, and pages that answer HTTP 200 but are "not found" pages are soft 404s.
 */
const TEMPLATE_HEAD =
  '<header><nav><a href="/">Home</a> <a href="/services">Services</a> <a href="/jobs">Jobs</a></nav></header>';
const TEMPLATE_FOOT =
  '<footer><a href="#">Frequently asked questions</a> <a href="/privacy">Privacy notice</a> <p>© 2026 Town of Ashby</p></footer>';
const framed = (title: string, main: string) =>
  page(title, `${TEMPLATE_HEAD}<main>${main}</main>${TEMPLATE_FOOT}`);
/** What this site answers, with HTTP 200, for any address it does not have. */
const MISSING = framed(
  'Town of Ashby',
  '<h2>Sorry</h2><p>We could not find what you were looking for. It may have moved during our website redesign.</p>',
);

const hints: LinkPrioritizer = ({ url, text }) => {
  const t = foldText(`${text} ${url}`);
  if (/privacy/.test(t)) return { score: 2, service: false, language: false, codes: ['234'] };
  if (/organisation chart/.test(t)) return { score: 2, service: false, language: false, codes: ['215'] };
  if (/budget/.test(t)) return { score: 2, service: false, language: false, codes: ['219'] };
  if (/permit/.test(t)) return { score: 2, service: true, language: false, codes: ['255'] };
  if (/jobs|services/.test(t)) return { score: 3, service: false, language: false, codes: ['233'] };
  return NO_HINT;
};

describe('crawlSite: link checks and soft 404s', () => {
  let site: TestServer;
  const records: CrawlRecord[] = [];
  let end: CrawlEnd;
  const pages = () => records.flatMap((r) => (r.type === 'page' ? [r.capture] : []));
  const byPath = (path: string): PageCapture | undefined => pages().find((p) => p.url === site.url(path));

  beforeAll(async () => {
    site = await startServer(
      {
        '/': framed(
          'Town of Ashby',
          `<h1>Welcome to Ashby</h1><p>Council services for the town.</p>
           <p><a href="/docs/organisation-chart.pdf">Download the organisation chart (PDF)</a></p>
           <p><a href="/docs/budget-book.pdf">Budget book (PDF)</a></p>
           <p><a href="/permits-archive">Parking permits (archived)</a></p>`,
        ),
        '/services': framed('Services', '<h1>Services</h1><p>Bins, parking and council tax.</p>'),
        '/jobs': framed(
          'Page not found | Town of Ashby',
          '<h1>Page not found</h1><p>Try the services page.</p>',
        ),
        '/privacy': framed('Privacy notice', '<h1>Privacy notice</h1><p>We keep your data safe.</p>'),
        '/docs/budget-book.pdf': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/pdf' });
          res.end('%PDF-1.4\n%%EOF\n');
        },
        '/docs/organisation-chart.pdf': (_req, res) =>
          html(res, page('Not found', '<h1>Not found</h1>'), 404),
      },
      {
        fallback: (_req, res) => {
          html(res, MISSING);
          return true;
        },
      },
    );
    end = await crawlSite({
      runId: 1,
      url: site.url('/'),
      budget: { maxPages: 2, maxDepth: 3, maxSeconds: 0 },
      render: 'none',
      allowPrivate: true,
      linkHints: hints,
      sink: { emit: async (r) => void records.push(structuredClone(r)) },
      pageTimeoutMs: 5000,
    });
  });
  afterAll(() => site?.close());

  it('takes a menu item whose page says "Page not found" with HTTP 200 for a soft 404', () => {
    expect(byPath('/jobs')).toMatchObject({ status: 'soft_404', httpStatus: 200 });
    expect(byPath('/jobs')?.error).toMatch(/title says "Page not found/);
    expect(end.statuses.soft_404).toBeGreaterThanOrEqual(1);
  });

  it('fetches the targets of evidence links the budget left out, once, without counting them', () => {
    expect(end.pages).toBe(2);
    expect(byPath('/privacy')).toMatchObject({ status: 'ok', fetchedFor: 'link-check', site: 'portal' });
    expect(byPath('/docs/organisation-chart.pdf')).toMatchObject({
      status: 'http_4xx',
      httpStatus: 404,
      fetchedFor: 'link-check',
    });
    expect(byPath('/docs/budget-book.pdf')).toMatchObject({ status: 'not_html', httpStatus: 200 });
    const checked = pages().filter((p) => p.fetchedFor === 'link-check');
    expect(new Set(checked.map((p) => p.url)).size).toBe(checked.length);
    // A link check's own links are not followed.
    expect(site.hits.filter((h) => h.startsWith('/privacy'))).toHaveLength(1);
  });

  it('tells a page that shows what a made-up address shows for a soft 404', () => {
    const made = site.hits.find((h) => h.startsWith('/portal-audit-missing-'));
    expect(made).toBeDefined();
    expect(byPath('/permits-archive')).toMatchObject({ status: 'soft_404', httpStatus: 200 });
    expect(byPath('/permits-archive')?.error).toContain('made-up address');
    expect(byPath('/privacy')?.status).toBe('ok');
  });

  it('never fetches a placeholder link', () => {
    expect(pages().some((p) => p.url.includes('#'))).toBe(false);
    expect(site.hits.filter((h) => h === '/').length).toBe(1);
  });
});
