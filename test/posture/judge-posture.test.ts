import { beforeAll, describe, expect, it } from 'vitest';
import { extractPage } from '../../crawlers/extract/extract-page.ts';
import type {
  HostTransport,
  PageCapture,
  PagePerformance,
  SiteCaptures,
  TransportArtifact,
} from '../../src/core/index.ts';
import {
  judgePosture,
  loadTrackerClassifier,
  type Posture,
  type TrackerClassifier,
} from '../../src/posture/index.ts';

const HTML = `<!doctype html><html lang="en"><head><title>City</title></head><body>
<form method="post" action="http://forms.example.gov/apply"><input name="n"><button>Send</button></form>
<p>Welcome</p></body></html>`;

function page(url: string, headers: Record<string, string>, performance?: PagePerformance): PageCapture {
  return {
    url,
    finalUrl: url,
    redirects: [],
    status: 'ok',
    httpStatus: 200,
    headers: { 'content-type': 'text/html', ...headers },
    contentType: 'text/html',
    bytes: HTML.length,
    fetchedAt: '2026-12-07T12:00:00.000Z',
    fetchMs: 10,
    site: 'portal',
    depth: 0,
    linkPath: [],
    htmlHash: null,
    ...extractPage(HTML, url, { isSameSite: (u) => new URL(u).hostname === new URL(url).hostname }),
    rendered: performance !== undefined,
    ...(performance
      ? {
          render: {
            screenshot: null,
            consoleErrors: [],
            mobile: null,
            axe: null,
            renderMs: 100,
            performance,
          },
        }
      : {}),
  };
}

function perf(over: Partial<PagePerformance> = {}): PagePerformance {
  return {
    ttfbMs: 50,
    lcpMs: 900,
    lcpElement: 'main > img',
    cls: 0,
    tbtMs: 0,
    requests: 10,
    transferBytes: 300_000,
    thirdParty: [],
    mixedContent: [],
    cookies: [],
    ...over,
  };
}

function host(over: Partial<HostTransport> & { daysToExpiry?: number } = {}): HostTransport {
  const days = over.daysToExpiry ?? 200;
  return {
    host: 'city.example.gov',
    role: 'portal',
    https: true,
    httpRedirectsToHttps: true,
    tls: {
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      issuer: 'Test CA',
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2027-06-25T00:00:00.000Z',
      daysToExpiry: days,
      nameMatches: true,
      chainTrusted: days >= 0,
      ...(days < 0 ? { verifyError: 'CERT_HAS_EXPIRED' } : {}),
    },
    hsts: { maxAgeSeconds: 31_536_000, includeSubDomains: true, preload: false },
    ...over,
  };
}

function transport(
  hosts: HostTransport[],
  securityTxt: Partial<TransportArtifact['securityTxt']> = {},
): TransportArtifact {
  return {
    checkedAt: '2026-12-07T12:00:00.000Z',
    hosts,
    securityTxt: {
      url: 'https://city.example.gov/.well-known/security.txt',
      found: true,
      contacts: ['mailto:security@city.example.gov'],
      expires: '2027-12-31T00:00:00.000Z',
      expired: false,
      ...securityTxt,
    },
  };
}

function siteOf(pages: PageCapture[], t?: TransportArtifact): SiteCaptures {
  return {
    target: { url: pages[0]!.url, level: 'city' },
    home: pages[0],
    pages,
    artifacts: t ? { transport: t } : {},
  };
}

function level(findings: Posture['security']['findings'], check: string) {
  const f = findings.find((x) => x.check === check);
  expect(f, `finding ${check}`).toBeDefined();
  return f!.level;
}

const STRONG_HEADERS = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'nonce-abc' 'unsafe-inline'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'geolocation=()',
  server: 'nginx',
};

let trackers: TrackerClassifier;
beforeAll(async () => {
  trackers = await loadTrackerClassifier({
    '127.0.0.2': { name: 'Test tracker', category: 'advertising', organization: null },
  });
});

describe('posture: security', () => {
  it('passes a portal with HTTPS, a good certificate, HSTS and the Observatory headers', () => {
    const cookies = [
      {
        name: 'sid',
        domain: 'city.example.gov',
        secure: true,
        httpOnly: true,
        sameSite: 'Lax' as const,
        thirdParty: false,
        expiresInDays: null,
      },
    ];
    const home = page('https://city.example.gov/', STRONG_HEADERS, perf({ cookies }));
    home.forms = [];
    const { security } = judgePosture(siteOf([home], transport([host()])), trackers);
    for (const check of [
      'https',
      'certificate',
      'tls-protocol',
      'hsts',
      'csp',
      'content-type-options',
      'framing',
      'referrer-policy',
      'permissions-policy',
      'server-disclosure',
      'cookies',
      'mixed-content',
      'forms-over-http',
      'security-txt',
      'service-hosts',
    ]) {
      expect(level(security.findings, check), check).toBe('pass');
    }
    expect(security.hosts[0]).toMatchObject({
      host: 'city.example.gov',
      https: true,
      trusted: true,
      hsts: true,
      daysToExpiry: 200,
    });
  });

  it('fails what is missing or weak, naming what it saw', () => {
    const cookies = [
      {
        name: 'PHPSESSID',
        domain: 'city.example.gov',
        secure: false,
        httpOnly: false,
        sameSite: null,
        thirdParty: false,
        expiresInDays: null,
      },
    ];
    const home = page(
      'https://city.example.gov/',
      { server: 'Apache/2.4.1 (Unix)', 'referrer-policy': 'unsafe-url' },
      perf({
        cookies,
        mixedContent: [{ url: 'http://cdn.example.org/app.js', resourceType: 'script', active: true }],
      }),
    );
    const t = transport([host({ httpRedirectsToHttps: false, hsts: null, daysToExpiry: -3 })], {
      found: false,
      contacts: [],
      expires: null,
      expired: null,
    });
    const { security } = judgePosture(siteOf([home], t), trackers);
    const f = (check: string) => security.findings.find((x) => x.check === check)!;
    expect(f('https').level).toBe('fail');
    expect(f('https').detail).toContain('http://city.example.gov/');
    expect(f('certificate')).toMatchObject({ level: 'fail' });
    expect(f('certificate').detail).toMatch(/expired 3 days ago/);
    expect(f('hsts').level).toBe('fail');
    expect(f('csp').level).toBe('fail');
    expect(f('content-type-options').level).toBe('fail');
    expect(f('framing').level).toBe('fail');
    expect(f('referrer-policy').level).toBe('fail');
    expect(f('permissions-policy').level).toBe('attention');
    expect(f('server-disclosure').evidence[0]?.value).toBe('Apache/2.4.1 (Unix)');
    expect(f('cookies').level).toBe('fail');
    expect(
      f('cookies')
        .evidence.map((e) => e.value)
        .join(' '),
    ).toContain('PHPSESSID');
    expect(f('mixed-content').level).toBe('fail');
    expect(f('forms-over-http').level).toBe('fail');
    expect(f('forms-over-http').evidence[0]?.value).toBe('POST http://forms.example.gov/apply');
    expect(f('security-txt').level).toBe('attention');
  });

  it('flags a certificate about to expire, and a linked service host without HTTPS', () => {
    const home = page('https://city.example.gov/', STRONG_HEADERS, perf());
    const service = host({
      host: 'pay.example.com',
      role: 'service',
      https: false,
      tls: null,
      error: 'connection refused',
    });
    const { security } = judgePosture(
      siteOf([home], transport([host({ daysToExpiry: 10 }), service])),
      trackers,
    );
    expect(level(security.findings, 'certificate')).toBe('attention');
    const services = security.findings.find((x) => x.check === 'service-hosts')!;
    expect(services.level).toBe('fail');
    expect(services.evidence[0]).toMatchObject({ url: 'https://pay.example.com/' });
  });

  it('does not call a service host that never answered a host without HTTPS', () => {
    const home = page('https://city.example.gov/', STRONG_HEADERS, perf());
    const silent = host({
      host: '127.0.0.1:9999',
      role: 'service',
      https: false,
      tls: null,
      httpRedirectsToHttps: null,
      hsts: null,
      error: 'Not checked: its pages did not answer during the crawl (timeout)',
    });
    const { security } = judgePosture(siteOf([home], transport([host(), silent])), trackers);
    const services = security.findings.find((x) => x.check === 'service-hosts')!;
    expect(services.level).toBe('attention');
    expect(services.detail).toContain('did not answer during the crawl (HTTPS not checked)');
    expect(services.evidence).toEqual([
      { url: '127.0.0.1:9999', value: 'its pages did not answer during the crawl (timeout)' },
    ]);
  });

  it('says unknown, not pass, for what the captures cannot tell', () => {
    const home = page('https://city.example.gov/', STRONG_HEADERS); // not rendered, no transport check
    const posture = judgePosture(siteOf([home]), trackers);
    for (const check of ['certificate', 'cookies', 'mixed-content', 'security-txt']) {
      expect(level(posture.security.findings, check), check).toBe('unknown');
    }
    expect(posture.privacy.findings.every((f) => f.level === 'unknown')).toBe(true);
    expect(posture.speed.findings.every((f) => f.level === 'unknown')).toBe(true);
  });
});

describe('posture: privacy', () => {
  it('names trackers from the tracker database and the test list, and cookies they set without consent', () => {
    const thirdParty = [
      { host: 'www.google-analytics.com', requests: 2, bytes: 40_000 },
      { host: '127.0.0.2', requests: 1, bytes: 900 },
      { host: 'fonts.example-cdn.org', requests: 3, bytes: 90_000 },
    ];
    const cookies = [
      {
        name: 'trk',
        domain: '127.0.0.2',
        secure: false,
        httpOnly: false,
        sameSite: null,
        thirdParty: true,
        expiresInDays: 365,
      },
    ];
    const home = page('https://city.example.gov/', STRONG_HEADERS, perf({ thirdParty, cookies }));
    const { privacy } = judgePosture(siteOf([home]), trackers);
    expect(privacy.trackerDatabase).toMatch(/^@ghostery\/trackerdb \d/);
    const byHost = new Map(privacy.thirdPartyHosts.map((h) => [h.host, h]));
    expect(byHost.get('www.google-analytics.com')?.tracker).toMatchObject({
      category: 'site_analytics',
      organization: 'Google',
    });
    expect(byHost.get('127.0.0.2')?.tracker?.name).toBe('Test tracker');
    expect(byHost.get('fonts.example-cdn.org')?.tracker).toBeNull();
    const f = (check: string) => privacy.findings.find((x) => x.check === check)!;
    expect(f('trackers').level).toBe('fail');
    expect(f('cookies-before-consent').level).toBe('fail');
    expect(f('cookies-before-consent').evidence[0]?.value).toContain('trk');
    expect(f('consent-banner').level).toBe('attention');
  });

  it('passes a portal without third parties', () => {
    const home = page('https://city.example.gov/', STRONG_HEADERS, perf());
    const { privacy } = judgePosture(siteOf([home]), trackers);
    expect(privacy.findings.map((f) => f.level)).toEqual(['pass', 'pass', 'pass']);
  });
});

describe('posture: speed', () => {
  it('judges LCP, CLS and TBT at the 75th percentile and lists the slowest pages with their LCP element', () => {
    const pages = [900, 1500, 3000, 5200].map((lcpMs, i) =>
      page(
        `https://city.example.gov/p${i}`,
        STRONG_HEADERS,
        perf({ lcpMs, lcpElement: `#hero${i}`, cls: i * 0.05, tbtMs: i * 150 }),
      ),
    );
    const { speed } = judgePosture(siteOf(pages), trackers);
    expect(speed.p75).toEqual({ lcpMs: 3000, cls: 0.1, tbtMs: 300 });
    const f = (check: string) => speed.findings.find((x) => x.check === check)!;
    expect(f('lcp').level).toBe('attention');
    expect(f('lcp').evidence[0]).toEqual({
      url: 'https://city.example.gov/p3',
      value: '5.2 s (largest element: #hero3)',
    });
    expect(f('cls').level).toBe('pass');
    expect(f('tbt').level).toBe('attention');
    expect(speed.pages.map((p) => p.lcpMs)).toEqual([5200, 3000, 1500, 900]);
    expect(speed.conditions).toMatch(/no network or CPU throttling/);
    expect(speed.phone).toBeNull();
    expect(f('phone-lcp').level).toBe('unknown');
    expect(f('phone-lcp').detail).toMatch(/not loaded at a phone's width/);
  });

  it("judges the home page's load at a phone's width on its own, with the same thresholds", () => {
    const home = page('https://city.example.gov/', STRONG_HEADERS, perf({ lcpMs: 1200 }));
    const site = siteOf([home]);
    site.artifacts.mobileSpeed = {
      url: 'https://city.example.gov/',
      viewport: { width: 360, height: 740 },
      status: 'ok',
      performance: perf({ lcpMs: 4600, lcpElement: '#hero', cls: 0.18, tbtMs: 120 }),
    };
    const { speed } = judgePosture(site, trackers);
    const f = (check: string) => speed.findings.find((x) => x.check === check)!;
    expect(f('lcp').level).toBe('pass');
    expect(f('phone-lcp').level).toBe('fail');
    expect(f('phone-lcp').title).toMatch(/on a phone \(home page, 360 px\)/);
    expect(f('phone-lcp').evidence).toEqual([
      { url: 'https://city.example.gov/', value: '4.6 s (largest element: #hero)' },
    ]);
    expect(f('phone-cls').level).toBe('attention');
    expect(f('phone-tbt').level).toBe('pass');
    expect(speed.phone).toMatchObject({ viewportWidth: 360, lcpMs: 4600, cls: 0.18 });
  });

  it('says why the phone load was not measured when it failed', () => {
    const home = page('https://city.example.gov/', STRONG_HEADERS, perf());
    const site = siteOf([home]);
    site.artifacts.mobileSpeed = {
      url: 'https://city.example.gov/',
      viewport: { width: 360, height: 740 },
      status: 'timeout',
      error: 'No page within 30000 ms',
      performance: null,
    };
    const f = judgePosture(site, trackers).speed.findings.find((x) => x.check === 'phone-tbt')!;
    expect(f.level).toBe('unknown');
    expect(f.detail).toMatch(/No page within 30000 ms/);
  });
});
