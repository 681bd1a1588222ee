import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserRenderer } from '../../crawlers/browser/browser-renderer.ts';
import { probeSearch } from '../../crawlers/crawl/search-probe.ts';
import { extractPage } from '../../crawlers/extract/extract-page.ts';
import { searchRefinements } from '../../crawlers/extract/search-refinements.ts';
import { isSameSite } from '../../crawlers/frontier/scope.ts';
import { InProcessHostLimiter } from '../../crawlers/http/host-limiter.ts';
import type { PageCapture } from '../../src/core/index.ts';
import { ANY_PRIVATE } from '../helpers/network.ts';
import { type PageServer, startPageServer } from './browser/page-server.ts';

const HOME = `<!doctype html><html lang="en"><head><title>Riverton</title></head><body>
<header><form role="search" action="/search" method="get"><label for="q">Search</label>
<input id="q" type="search" name="q"><button>Search</button></form></header>
<main><h1>Riverton council</h1><p>Parking permits, bins and council tax for Riverton residents.</p></main>
</body></html>`;

/** A results page with filters in the content, the site search in the header and a newsletter in the footer. */
function results(q: string): string {
  const found = q === 'parking';
  return `<!doctype html><html lang="en"><head><title>Search results</title></head><body>
<header><form role="search" action="/search" method="get"><label for="hq">Search</label>
<input id="hq" type="search" name="q"><select name="lang" aria-label="Language"><option>English</option></select></form>
<nav><a href="/search?q=${q}&amp;lang=fr">Français</a></nav></header>
<main><h1>Results for ${q}</h1>
<form action="/search" method="get"><input type="hidden" name="q" value="${q}">
<label for="t">Content type</label><select id="t" name="type"><option>All</option><option>News</option></select>
<label for="d">Published after</label><input id="d" type="date" name="after"><button>Filter</button></form>
${
  found
    ? `<ul><li><a href="/parking/permits.html">Parking permits</a></li><li><a href="/parking/fines.html">Parking fines</a></li></ul>
<p><a href="/search?q=${q}&amp;type=news">News (3)</a> <a href="/search?q=${q}&amp;page=2">Next</a></p>`
    : '<p>No results.</p>'
}
</main>
<footer><form action="/newsletter" method="post"><label for="e">Email</label><input id="e" type="email" name="email"><button>Subscribe</button></form>
<a href="/search?q=${q}&amp;print=1">Print</a></footer></body></html>`;
}

let server: PageServer;

beforeAll(async () => {
  server = await startPageServer({
    '/': { body: HOME },
    '/search': (req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(results(q));
    },
  });
});

afterAll(async () => {
  await server?.close();
});

describe('searchRefinements', () => {
  it('keeps the forms and query links of the content, not those of the page template', () => {
    const url = server.url('/search?q=parking');
    const page = extractPage(results('parking'), url, { isSameSite: (u) => isSameSite(u, url) });
    const { forms, queryLinks } = searchRefinements(page, 'parking');
    expect(forms).toHaveLength(1);
    expect(forms[0]!.region).toBe('main');
    expect(forms[0]!.fields.map((f) => `${f.tag}:${f.name}`)).toEqual([
      'input:q',
      'select:type',
      'input:after',
      'button:',
    ]);
    expect(queryLinks.map((l) => l.text)).toEqual(['News (3)', 'Next']);
    expect(queryLinks.every((l) => l.region === 'main')).toBe(true);
  });

  it('gives nothing for a query the links do not carry', () => {
    const url = server.url('/search?q=zz');
    const page = extractPage(results('zz'), url, { isSameSite: (u) => isSameSite(u, url) });
    expect(searchRefinements(page, 'parking').queryLinks).toEqual([]);
  });
});

describe('search probe refinements', () => {
  it('are filled in by the HTTP probe from the real results page', async () => {
    const url = server.url('/');
    const extract = extractPage(HOME, url, { isSameSite: (u) => isSameSite(u, url) });
    const home = { ...extract, url, finalUrl: url } as PageCapture;
    const probe = await probeSearch(home, HOME, {
      http: { userAgent: 'portal-audit-test', network: ANY_PRIVATE, timeoutMs: 10_000 },
      renderOptions: { userAgent: 'portal-audit-test', network: ANY_PRIVATE },
      limiter: new InProcessHostLimiter({ delayMs: 0 }),
      isSameSite: (u) => isSameSite(u, url),
      spa: false,
    });
    expect(probe?.artifact.via).toBe('http');
    const real = probe!.artifact.real;
    expect(real.status).toBe('ok');
    expect(
      real.refinements?.forms.map((f) => f.fields.filter((x) => x.tag === 'select').map((x) => x.name)),
    ).toEqual([['type']]);
    expect(probe!.artifact.nonsense.refinements?.queryLinks).toEqual([]);
  });

  it('are filled in by the browser probe from the rendered results page', async () => {
    const renderer = new BrowserRenderer({ blockNonLoopback: true });
    try {
      const form = { formSelector: 'header > form', inputSelector: 'header > form input[name="q"]' };
      const real = await renderer.probeSearch(server.url('/'), form, 'parking', {
        userAgent: 'portal-audit-test',
        network: ANY_PRIVATE,
        timeoutMs: 20_000,
        screenshot: false,
      });
      expect(real.status).toBe('ok');
      expect(real.resultsUrl).toBe(server.url('/search?q=parking'));
      expect(real.refinements?.forms).toHaveLength(1);
      expect(real.refinements?.forms[0]?.fields.some((f) => f.type === 'date')).toBe(true);
      expect(real.refinements?.queryLinks.map((l) => l.text)).toEqual(['News (3)', 'Next']);
    } finally {
      await renderer.close();
    }
  });
});
