import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import { type AuditOutcome, auditSite } from '../../src/pipeline/audit-site.ts';
import type { Posture } from '../../src/posture/index.ts';
import { patternPng } from '../bench/png.ts';
import { type PageServer, startPageServer } from '../crawlers/browser/page-server.ts';
import { tempWorkdir } from '../helpers/run-cli.ts';

/**
 * A whole audit of a portal with a slow hero image, a layout shift, a tracker script from a second
 * host (named a tracker by the test) and a session cookie without flags: the report's posture says so.
 */
const chromium = findChromium();
const work = tempWorkdir('pa-posture-');
const PROSE = '<p>Council services: bins, parking, council tax, libraries and planning. '.repeat(20);

describe.skipIf(!chromium)('audit posture of a portal (security, privacy, speed)', () => {
  let portal: PageServer;
  let tracker: PageServer;
  let outcome: AuditOutcome;
  let posture: Posture;

  beforeAll(async () => {
    tracker = await startPageServer(
      { '/t.js': { body: 'window.t = 1;'.padEnd(3000, ' '), type: 'text/javascript' } },
      '127.0.0.2',
    );
    const page = (title: string, body: string) =>
      `<!doctype html><html lang="en"><head><title>${title}</title><script src="${tracker.origin}/t.js"></script></head><body><main>${body}</main></body></html>`;
    portal = await startPageServer({
      '/': {
        body: page(
          'Riverton City Council',
          `<h1>Riverton City Council</h1><img id="hero" src="/hero.png" width="900" height="500" alt="Town hall">${PROSE}<a href="/services/">Services</a>
<script>addEventListener('load', () => { const d = document.createElement('div'); d.style.height = '500px'; d.textContent = 'Notice'; document.querySelector('main').prepend(d); });</script>`,
        ),
        headers: { 'set-cookie': 'PHPSESSID=abc123; Path=/', 'x-frame-options': 'DENY' },
      },
      '/hero.png': { body: patternPng(900, 500, 7), type: 'image/png', delayMs: 2_800 },
      '/services/': { body: page('Services', `<h1>Services</h1>${PROSE}`) },
    });
    outcome = await auditSite({
      url: `${portal.origin}/`,
      level: 'city',
      budget: { maxPages: 5, maxDepth: 2, maxSeconds: 0 },
      render: 'all',
      allowPrivate: true,
      dbFile: work.path('store.db'),
      outDir: work.path('out'),
      knownTrackers: { '127.0.0.2': { name: 'Test tracker', category: 'advertising', organization: null } },
    });
    posture = outcome.report.posture!;
  }, 300_000);

  afterAll(async () => {
    await portal?.close();
    await tracker?.close();
    work.cleanup();
  });

  const finding = (list: Posture['security']['findings'], check: string) =>
    list.find((f) => f.check === check)!;

  it('measures speed on the rendered pages and names the slow LCP element', () => {
    const home = posture.speed.pages.find((p) => p.url === `${portal.origin}/`)!;
    expect(home.lcpMs).toBeGreaterThanOrEqual(2_800);
    expect(home.lcpElement).toBe('#hero');
    expect(home.cls).toBeGreaterThan(0.1);
    expect(posture.speed.p75.lcpMs).toBeGreaterThanOrEqual(2_800);
    expect(['attention', 'fail']).toContain(finding(posture.speed.findings, 'lcp').level);
    expect(finding(posture.speed.findings, 'lcp').evidence[0]?.value).toContain('#hero');
    expect(['attention', 'fail']).toContain(finding(posture.speed.findings, 'cls').level);
  });

  it("loads the home page again at a phone's width and judges its speed there", () => {
    expect(posture.speed.phone).toMatchObject({
      url: `${portal.origin}/`,
      viewportWidth: 360,
      lcpElement: '#hero',
    });
    expect(posture.speed.phone!.lcpMs).toBeGreaterThanOrEqual(2_800);
    expect(['attention', 'fail']).toContain(finding(posture.speed.findings, 'phone-lcp').level);
    const html = readFileSync(join(work.path('out'), 'report.html'), 'utf8');
    expect(html).toContain('The home page on a phone (360 px wide)');
  });

  it('names the tracker host and the cookie without flags', () => {
    const host = posture.privacy.thirdPartyHosts.find((h) => h.host === '127.0.0.2');
    expect(host).toMatchObject({ pages: 2, tracker: { name: 'Test tracker', category: 'advertising' } });
    expect(finding(posture.privacy.findings, 'trackers').level).toBe('fail');
    const cookies = finding(posture.security.findings, 'cookies');
    expect(cookies.level).toBe('fail');
    expect(cookies.evidence.map((e) => e.value).join(' ')).toContain('PHPSESSID');
  });

  it('judges the transport of a plain-http portal and its headers', () => {
    expect(finding(posture.security.findings, 'https').level).toBe('fail');
    expect(finding(posture.security.findings, 'framing').level).toBe('pass');
    expect(finding(posture.security.findings, 'security-txt').level).toBe('attention');
    expect(posture.security.hosts.find((h) => h.role === 'portal')).toMatchObject({ https: false });
  });

  it('writes the sections to report.html', () => {
    const html = readFileSync(join(work.path('out'), 'report.html'), 'utf8');
    expect(html).toContain('<h2 id="security">Security &amp; privacy</h2>');
    expect(html).toContain('<h2 id="speed">Speed</h2>');
    expect(html).toContain('Test tracker (advertising)');
  });
});
