import { createHash, X509Certificate } from 'node:crypto';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserRenderer } from '../../../crawlers/browser/browser-renderer.ts';
import { findChromium } from '../../../crawlers/browser/find-chromium.ts';
import type { RenderOptions } from '../../../crawlers/contracts.ts';
import { patternPng } from '../../bench/png.ts';
import { ANY_PRIVATE } from '../../helpers/network.ts';
import { makeTestCertificates, type TestCertificates } from '../../helpers/test-certificates.ts';
import { type PageServer, type RouteHandler, type StaticRoute, startPageServer } from './page-server.ts';

/**
 * RenderCapture.performance measured on real pages: a first-party server on 127.0.0.1, a third
 * party on 127.0.0.2 and, for mixed content, an HTTPS server with a certificate made here and
 * trusted by its key hash only.
 */
const chromium = findChromium();
const QUICK: RenderOptions = {
  userAgent: 'portal-audit-test',
  network: ANY_PRIVATE,
  timeoutMs: 20_000,
  axe: false,
  screenshot: false,
  mobile: false,
};
const TEXT = '<p>Council services, bins, parking and council tax. '.repeat(30);

function page(title: string, body: string): { body: string } {
  return {
    body: `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`,
  };
}

/** The base64 SHA-256 of a certificate's public key: what Chromium trusts with --ignore-certificate-errors-spki-list. */
function spkiHash(certPem: string): string {
  const spkiDer = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spkiDer).digest('base64');
}

describe.skipIf(!chromium)('RenderCapture.performance', () => {
  let portal: PageServer;
  let tracker: PageServer;
  let renderer: BrowserRenderer;
  let certs: TestCertificates;
  let secure: HttpsServer;
  let secureOrigin: string;

  beforeAll(async () => {
    const trackerRoutes: Record<string, StaticRoute | RouteHandler> = {
      '/lib.js': { body: 'window.trackerLoaded = true;'.padEnd(2000, ' '), type: 'text/javascript' },
      '/pixel.png': {
        body: patternPng(2, 2, 3),
        type: 'image/png',
        headers: { 'set-cookie': 'tid=7; Max-Age=2592000; Secure; SameSite=None; Path=/' },
      },
    };
    tracker = await startPageServer(trackerRoutes, '127.0.0.2');
    portal = await startPageServer({
      '/slow-lcp.html': page(
        'Slow hero',
        '<h1>Welcome</h1><img id="hero" src="/hero.png" width="600" height="400" alt="Town hall">',
      ),
      '/hero.png': { body: patternPng(600, 400, 1), type: 'image/png', delayMs: 800 },
      '/held.png': { body: patternPng(4, 4, 2), type: 'image/png', delayMs: 400 },
      '/plain.js': { body: 'window.plainLoaded = true;', type: 'text/javascript' },
      '/shift.html': page(
        'Shifting',
        `<main><h1>News</h1>${TEXT}</main><img src="/held.png" alt="" width="4" height="4">
        <script>addEventListener('load', () => {
          const banner = document.createElement('div');
          banner.style.height = '400px';
          banner.textContent = 'Late banner';
          document.body.insertBefore(banner, document.body.firstChild);
        });</script>`,
      ),
      '/stable.html': page(
        'Stable',
        `<main><h1>News</h1>${TEXT}</main><img src="/held.png" alt="" width="4" height="4">`,
      ),
      '/device.html': page(
        'Device',
        `<meta name="viewport" content="width=device-width"><h1>Device</h1><p id="d"></p><img id="hero" src="/hero.png" width="300" height="200" alt="Town hall">
        <script>document.getElementById('d').textContent =
          'width ' + innerWidth + (matchMedia('(pointer: coarse)').matches ? ' touch' : ' mouse');</script>`,
      ),
      '/busy.html': page(
        'Busy',
        `<h1>Busy page</h1>${TEXT}<img src="/held.png" alt="" width="4" height="4">
        <script>new PerformanceObserver((list, observer) => {
          if (!list.getEntriesByName('first-contentful-paint').length) return;
          observer.disconnect();
          const end = performance.now() + 300;
          while (performance.now() < end) {}
        }).observe({ type: 'paint', buffered: true });</script>`,
      ),
      '/third.html': {
        ...page(
          'Third parties',
          `<h1>Tracked</h1>${TEXT}<script src="${tracker.url('/lib.js')}"></script>` +
            `<img src="${tracker.url('/pixel.png')}" alt="" width="2" height="2">`,
        ),
        headers: { 'set-cookie': 'sid=1; HttpOnly; Secure; SameSite=Lax' },
      },
    });

    // A sign-in or analytics hop: the tracker is the top-level site while it answers, so its cookie sticks.
    trackerRoutes['/bounce'] = (_req, res) => {
      res.writeHead(302, {
        location: portal.url('/third.html'),
        'set-cookie': 'tid=8; Max-Age=2592000; Secure; SameSite=None; Path=/',
      });
      res.end();
    };

    certs = await makeTestCertificates(1);
    const { key, cert } = certs.valid;
    const mixedPage = page(
      'Mixed',
      `<h1>Mixed</h1><script src="${portal.url('/plain.js')}"></script>` +
        '<script src="http://cdn.example/widget.js"></script>' +
        `<img src="${portal.url('/held.png')}" alt="" width="4" height="4">`,
    ).body;
    secure = createHttpsServer({ key, cert }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(mixedPage);
    });
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    secureOrigin = `https://127.0.0.1:${(secure.address() as AddressInfo).port}`;

    renderer = new BrowserRenderer({
      executablePath: chromium!,
      blockNonLoopback: true,
      consent: null,
      launchArgs: [`--ignore-certificate-errors-spki-list=${spkiHash(cert)}`],
    });
  });

  afterAll(async () => {
    await renderer?.close();
    await portal?.close();
    await tracker?.close();
    secure?.closeAllConnections();
    await new Promise<void>((resolve) => (secure ? secure.close(() => resolve()) : resolve()));
    await certs?.remove();
  });

  it('times a slow hero image as the LCP, and names it', async () => {
    const rendered = await renderer.render(portal.url('/slow-lcp.html'), QUICK);
    expect(rendered.status, rendered.error).toBe('ok');
    const perf = rendered.render.performance;
    expect(perf?.lcpMs).toBeGreaterThanOrEqual(800);
    expect(perf?.lcpElement).toBe('#hero');
    expect(perf?.ttfbMs).toBeGreaterThanOrEqual(0);
    expect(perf?.requests).toBeGreaterThanOrEqual(2);
    expect(perf?.transferBytes, 'the image is most of it').toBeGreaterThan(100_000);
  });

  it('sums a layout shift made after load, and sees none on a stable page', async () => {
    const shifting = await renderer.render(portal.url('/shift.html'), QUICK);
    const stable = await renderer.render(portal.url('/stable.html'), QUICK);
    expect(shifting.render.performance?.cls).toBeGreaterThan(0.1);
    expect(stable.render.performance?.cls).toBeLessThan(0.01);
    expect(stable.render.performance?.tbtMs).toBeLessThan(50);
  });

  it('counts a 300 ms task after first paint as blocking time', async () => {
    const rendered = await renderer.render(portal.url('/busy.html'), QUICK);
    expect(rendered.render.performance?.tbtMs).toBeGreaterThanOrEqual(200);
  });

  it('lists a third-party host with its requests and bytes', async () => {
    const rendered = await renderer.render(portal.url('/third.html'), QUICK);
    expect(rendered.status, rendered.error).toBe('ok');
    const perf = rendered.render.performance;
    expect(perf?.requests).toBeGreaterThanOrEqual(3);
    expect(perf?.transferBytes).toBeGreaterThan(2000);
    expect(perf?.thirdParty).toHaveLength(1);
    expect(perf?.thirdParty[0]).toMatchObject({ host: '127.0.0.2', requests: 2 });
    expect(perf?.thirdParty[0]?.bytes).toBeGreaterThan(2000);
    expect(perf?.mixedContent).toEqual([]);
  });

  it('reads cookies back with their flags, by party', async () => {
    const direct = await renderer.render(portal.url('/third.html'), QUICK);
    const cookies = direct.render.performance?.cookies ?? [];
    // Over http on 127.0.0.1, a potentially trustworthy origin, Chromium keeps a Secure cookie.
    expect(cookies.find((c) => c.name === 'sid')).toEqual({
      name: 'sid',
      domain: '127.0.0.1',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      thirdParty: false,
      expiresInDays: null,
    });
    // This Chromium blocks third-party cookies by default: the pixel's Set-Cookie is not kept.
    expect(cookies.map((c) => c.name)).not.toContain('tid');

    const bounced = await renderer.render(tracker.url('/bounce'), QUICK);
    expect(bounced.finalUrl).toBe(portal.url('/third.html'));
    const tracking = bounced.render.performance?.cookies.find((c) => c.name === 'tid');
    expect(tracking).toMatchObject({ domain: '127.0.0.2', secure: true, sameSite: 'None', thirdParty: true });
    expect(tracking?.expiresInDays).toBeCloseTo(30, 0);
  });

  it('lists http: scripts of an https page as active mixed content, blocked or not', async () => {
    const rendered = await renderer.render(`${secureOrigin}/`, QUICK);
    expect(rendered.status, rendered.error).toBe('ok');
    const perf = rendered.render.performance;
    expect(perf?.mixedContent).toEqual(
      expect.arrayContaining([
        // Blocked by Chromium (it never reaches the network), still reported.
        { url: 'http://cdn.example/widget.js', resourceType: 'script', active: true },
        // Loopback is potentially trustworthy: Chromium loads it, and it is still http: on https.
        { url: portal.url('/plain.js'), resourceType: 'script', active: true },
        { url: portal.url('/held.png'), resourceType: 'image', active: false },
      ]),
    );
  });

  it('loads a page as a phone (360 px, touch, its own cache) when asked, and measures it; a bare load is not measured', async () => {
    const desktop = await renderer.render(portal.url('/device.html'), QUICK);
    const phone = await renderer.render(portal.url('/device.html'), { ...QUICK, device: 'phone' });
    expect(desktop.visibleText).toContain('width 1280 mouse');
    // As on a phone, the 360 px layout is the page's to ask for (without the meta tag it is 980 px).
    expect(phone.visibleText).toContain('width 360 touch');
    // The desktop load cached the hero; the phone's context has a cache of its own and waits for it again.
    expect(phone.render.performance?.lcpMs).toBeGreaterThanOrEqual(800);
    expect(phone.render.performance?.lcpElement).toBe('#hero');
    const bare = await renderer.render(portal.url('/device.html'), { ...QUICK, measure: false });
    expect(bare.status).toBe('ok');
    expect(bare.render.performance).toBeUndefined();
  });
});
