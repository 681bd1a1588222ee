import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserRenderer } from '../../../crawlers/browser/browser-renderer.ts';
import type { RenderOptions } from '../../../crawlers/contracts.ts';
import { PUBLIC_ONLY } from '../../../crawlers/net/network-policy.ts';
import { ANY_PRIVATE } from '../../helpers/network.ts';
import { fixtureRoutes } from './fixture-pages.ts';
import { type PageServer, startPageServer } from './page-server.ts';

const ALL: RenderOptions = { userAgent: 'portal-audit-test', network: ANY_PRIVATE, timeoutMs: 20_000 };
const QUICK: RenderOptions = { ...ALL, axe: false, screenshot: false, mobile: false };

let server: PageServer;
let renderer: BrowserRenderer;

beforeAll(async () => {
  server = await startPageServer(fixtureRoutes());
  renderer = new BrowserRenderer({ blockNonLoopback: true });
});

afterAll(async () => {
  await renderer?.close();
  await server?.close();
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 9;
}

describe('BrowserRenderer.render: gathering', () => {
  it('finds the known axe violations, with nodes, and keeps incomplete results apart', async () => {
    const page = await renderer.render(server.url('/violations.html'), ALL);
    expect(page.status).toBe('ok');
    const axe = page.render.axe;
    expect(axe?.engine).toBe('axe-core');
    expect(axe?.engineVersion).toMatch(/^4\./);
    expect(axe?.tags).toEqual(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
    const ids = axe?.violations.map((v) => v.ruleId) ?? [];
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'label']));
    const imageAlt = axe?.violations.find((v) => v.ruleId === 'image-alt');
    expect(imageAlt?.nodeCount).toBe(1);
    expect(imageAlt?.nodes[0]?.selector).toContain('img');
    expect(imageAlt?.nodes[0]?.html).toContain('pixel.png');
    expect(imageAlt?.nodes[0]?.failureSummary).toBeTruthy();
    expect(axe?.passes).toBeGreaterThan(0);
    expect(Array.from(page.screenshotJpeg?.subarray(0, 2) ?? [])).toEqual([0xff, 0xd8]);
  });

  it('reports no violations on a clean page', async () => {
    const page = await renderer.render(server.url('/clean.html'), ALL);
    expect(page.status).toBe('ok');
    expect(page.render.axe?.violations).toEqual([]);
    expect(page.render.axe?.inapplicable).toBeGreaterThan(0);
    expect(page.render.renderMs).toBeGreaterThan(0);
    expect(page.html).toContain('<title>Clean page</title>');
  });

  it('sees horizontal scroll at 360 px on a 1000 px layout, and none on a responsive one', async () => {
    const [wide, responsive] = await Promise.all([
      renderer.render(server.url('/wide.html'), { ...QUICK, mobile: true }),
      renderer.render(server.url('/responsive.html'), { ...QUICK, mobile: true }),
    ]);
    expect(wide.render.mobile).toMatchObject({ viewportWidth: 360, horizontalScroll: true });
    expect(wide.render.mobile?.scrollWidth).toBeGreaterThanOrEqual(1000);
    expect(responsive.render.mobile).toEqual({
      viewportWidth: 360,
      scrollWidth: 360,
      horizontalScroll: false,
    });
  });

  it('returns the DOM and text that scripts produced, including data fetched after load', async () => {
    const page = await renderer.render(server.url('/js.html'), QUICK);
    expect(page.status).toBe('ok');
    expect(page.visibleText).toContain('Injected heading');
    expect(page.html).toContain('<h1>Injected heading</h1>');
    expect(page.visibleText).toContain('Fetched after load: tram timetable');
    expect(page.html?.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('captures console errors and uncaught exceptions', async () => {
    const page = await renderer.render(server.url('/console.html'), QUICK);
    expect(page.render.consoleErrors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('boom from the page'),
        expect.stringContaining('uncaught kaboom'),
      ]),
    );
  });

  it('records the redirect chain and the final URL', async () => {
    const page = await renderer.render(server.url('/r1'), QUICK);
    expect(page.status).toBe('ok');
    expect(page.requestedUrl).toBe(server.url('/r1'));
    expect(page.redirects).toEqual([server.url('/r1'), server.url('/r2')]);
    expect(page.finalUrl).toBe(server.url('/clean.html'));
    expect(page.httpStatus).toBe(200);
    expect(page.contentType).toContain('text/html');
    expect(page.bytes).toBeGreaterThan(300);
  });

  it('refuses a non-loopback request in tests but still renders the page', async () => {
    const page = await renderer.render(server.url('/external-image.html'), QUICK);
    expect(page.status).toBe('ok');
    expect(page.visibleText).toContain('External');
    const remote = await renderer.render('http://203.0.113.10/', QUICK);
    expect(remote.status).toBe('error');
    expect(remote.error).toMatch(/non-loopback/);
  });

  it('hands a reused page to the next render at the desktop width, without its old errors', async () => {
    // One page slot, so the second render reuses the page the first one left at 360 px, still
    // showing a document that keeps logging errors.
    const single = new BrowserRenderer({ blockNonLoopback: true, concurrency: 1 });
    const pages = await startPageServer({
      '/noisy.html': {
        body: `<!doctype html><html lang="en"><title>Noisy</title><p>Noisy</p><script>setInterval(() => console.error('tick from the old page'), 20);</script></html>`,
      },
      '/width.html': {
        body: `<!doctype html><html lang="en"><title>Width</title><p id="w"></p><script>document.getElementById('w').textContent = 'width ' + innerWidth;</script></html>`,
      },
    });
    try {
      const noisy = await single.render(pages.url('/noisy.html'), { ...QUICK, mobile: true });
      expect(noisy.render.mobile?.viewportWidth).toBe(360);
      const next = await single.render(pages.url('/width.html'), QUICK);
      expect(next.visibleText).toContain('width 1280');
      expect(next.render.consoleErrors).toEqual([]);
      // The same document again under a fragment: loaded anew, not scrolled while hidden.
      const again = await single.render(`${pages.url('/width.html')}#w`, QUICK);
      expect(again.status).toBe('ok');
      expect(again.visibleText).toContain('width 1280');
    } finally {
      await single.close();
      await pages.close();
    }
  });
});

describe('BrowserRenderer.render: failures become statuses', () => {
  it('maps HTTP and network failures', async () => {
    const port = await closedPort();
    const [missing, forbidden, broken, csv, loop, refused] = await Promise.all([
      renderer.render(server.url('/missing'), QUICK),
      renderer.render(server.url('/forbidden'), QUICK),
      renderer.render(server.url('/broken'), QUICK),
      renderer.render(server.url('/data.csv'), QUICK),
      renderer.render(server.url('/loop'), QUICK),
      renderer.render(`http://127.0.0.1:${port}/`, QUICK),
    ]);
    expect(missing).toMatchObject({ status: 'http_4xx', httpStatus: 404 });
    expect(missing.render.axe).toBeNull();
    expect(forbidden).toMatchObject({ status: 'bot_blocked', httpStatus: 403 });
    expect(broken).toMatchObject({ status: 'http_5xx', httpStatus: 500 });
    expect(csv.status).toBe('not_html');
    expect(loop.status).toBe('redirect_loop');
    expect(refused.status).toBe('connection_refused');
    expect(refused.httpStatus).toBeNull();
  });

  it('maps a certificate the browser does not trust to tls_error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-audit-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const tls = createHttpsServer(
        { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
        (_req, res) => res.end('<!doctype html><title>TLS</title>'),
      );
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      const address = tls.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      try {
        const page = await renderer.render(`https://127.0.0.1:${port}/`, QUICK);
        expect(page.status, page.error).toBe('tls_error');
        expect(page.error).toMatch(/ERR_CERT/);
      } finally {
        tls.closeAllConnections();
        await new Promise<void>((resolve) => tls.close(() => resolve()));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends a page that does not answer within the timeout as timeout', async () => {
    const started = performance.now();
    const page = await renderer.render(server.url('/slow'), { ...QUICK, timeoutMs: 1500 });
    expect(page.status, page.error).toBe('timeout');
    expect(page.httpStatus, 'no answer at all').toBeNull();
    expect(performance.now() - started).toBeLessThan(8000);
  });

  it('refuses loopback targets unless the policy allows them', async () => {
    const page = await renderer.render(server.url('/clean.html'), { ...QUICK, network: PUBLIC_ONLY });
    expect(page.status).toBe('private_address');
    expect(page.error).toMatch(/allow-private/);
    const named = await renderer.render('http://portal.localhost/', { ...QUICK, network: PUBLIC_ONLY });
    expect(named.status).toBe('private_address');
  });

  it('gives up on a page whose script hangs the main thread, and keeps rendering', async () => {
    const started = performance.now();
    const page = await renderer.render(server.url('/hang.html'), { ...ALL, timeoutMs: 3000 });
    expect(page.status).toBe('timeout');
    expect(page.httpStatus, 'the site did answer').toBe(200);
    expect(performance.now() - started).toBeLessThan(10_000);
    const next = await renderer.render(server.url('/clean.html'), QUICK);
    expect(next.status).toBe('ok');
  });

  it('honours an abort signal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const page = await renderer.render(server.url('/slow'), { ...QUICK, signal: controller.signal });
    expect(page.status).toBe('error');
    expect(page.error).toMatch(/aborted/i);
  });
});
