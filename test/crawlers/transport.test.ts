import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrawlSiteOptions, crawlSite } from '../../crawlers/crawl-site.ts';
import { freePort } from '../../crawlers/http/free-port.ts';
import { NetworkPolicy } from '../../crawlers/net/network-policy.ts';
import { checkHost, type TransportTarget } from '../../crawlers/transport/host-transport.ts';
import type { ProbeOptions } from '../../crawlers/transport/probe-options.ts';
import { fetchSecurityTxt, parseSecurityTxt } from '../../crawlers/transport/security-txt.ts';
import { probeTls } from '../../crawlers/transport/tls-probe.ts';
import { checkTransport } from '../../crawlers/transport/transport-check.ts';
import {
  firstHopToHttps,
  MAX_SERVICE_HOSTS,
  transportTargets,
  withSeenRedirect,
} from '../../crawlers/transport/transport-hosts.ts';
import { parseCrawlRecord } from '../../queue/recorder/record-schema.ts';
import {
  type CrawlRecord,
  NO_HINT,
  parseHsts,
  type TransportArtifact,
  userAgent,
} from '../../src/core/index.ts';
import { html, page, startServer, type TestServer } from '../helpers/hostile-server.ts';
import { ANY_PRIVATE } from '../helpers/network.ts';
import { type KeyPair, makeTestCertificates, type TestCertificates } from '../helpers/test-certificates.ts';

interface Listening {
  port: number;
  close(): Promise<void>;
}

async function listen(server: Server, host = '127.0.0.1'): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const HSTS = 'max-age=31536000; includeSubDomains';
const FUTURE = new Date(Date.now() + 180 * 86_400_000).toISOString();
const PAST = '2021-01-01T00:00:00.000Z';

function securityTxt(expires: string): string {
  return `# Report security issues\nContact: mailto:security@city.example\nContact: https://city.example/report\nExpires: ${expires}\nPreferred-Languages: en\n`;
}

/** An HTTPS server with `pair`, answering / (with `headers`) and /.well-known/security.txt (when given). */
function httpsSite(
  pair: KeyPair,
  opts: { headers?: Record<string, string>; securityTxt?: string; soft404?: boolean },
) {
  const handler: RequestListener = (req, res) => {
    if (req.url === '/.well-known/security.txt' && opts.securityTxt !== undefined) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(opts.securityTxt);
    } else if (req.url === '/' || opts.soft404) {
      html(res, page('Portal', '<h1>Portal</h1>'), 200, opts.headers ?? {});
    } else {
      html(res, page('Not found', '<h1>Not found</h1>'), 404);
    }
  };
  return listen(createHttpsServer({ key: pair.key, cert: pair.cert }, handler));
}

function probeOptions(extra: Partial<ProbeOptions> = {}): ProbeOptions {
  return { network: ANY_PRIVATE, userAgent: userAgent(), timeoutMs: 5000, ...extra };
}

function target(hostname: string, httpsPort: number, httpPort: number): TransportTarget {
  return { host: `${hostname}:${httpsPort}`, hostname, role: 'portal', httpsPort, httpPort };
}

describe('transport check against local HTTPS servers', () => {
  let certs: TestCertificates;
  let valid: Listening;
  let expired: Listening;
  let noHsts: Listening;
  let redirecting: Listening;
  let plainHttp: Listening;
  let silent: Listening;
  let refusedPort: number;
  let trusted: ProbeOptions;

  beforeAll(async () => {
    certs = await makeTestCertificates(30);
    trusted = probeOptions({ trustedCa: [certs.caPem] });
    valid = await httpsSite(certs.valid, {
      headers: { 'strict-transport-security': HSTS },
      securityTxt: securityTxt(FUTURE),
    });
    expired = await httpsSite(certs.expired, {
      headers: { 'strict-transport-security': HSTS },
      securityTxt: securityTxt(PAST),
    });
    noHsts = await httpsSite(certs.valid, { soft404: true });
    redirecting = await listen(
      createHttpServer((req, res) => {
        res.writeHead(301, { location: `https://localhost:${valid.port}${req.url ?? '/'}` }).end();
      }),
    );
    plainHttp = await listen(createHttpServer((_req, res) => html(res, page('Plain', '<h1>Plain</h1>'))));
    // Accepts connections and never says a word: a TLS handshake that never ends.
    silent = await listen(createTcpServer(() => undefined));
    refusedPort = await freePort();
  });

  afterAll(async () => {
    await Promise.all([valid, expired, noHsts, redirecting, plainHttp, silent].map((s) => s?.close()));
    await certs?.remove();
  });

  it('reads a valid certificate of the local CA, trusted through the option, its HSTS header and the http: redirect', async () => {
    const host = await checkHost(target('localhost', valid.port, redirecting.port), trusted);
    expect(host).toMatchObject({ https: true, httpRedirectsToHttps: true });
    expect(host.error).toBeUndefined();
    expect(host.hsts).toEqual({ maxAgeSeconds: 31_536_000, includeSubDomains: true, preload: false });
    const tls = host.tls!;
    expect(['TLSv1.3', 'TLSv1.2']).toContain(tls.protocol);
    expect(tls.cipher).toBeTruthy();
    expect(tls.issuer).toBe('Portal Audit Test CA');
    expect(tls.nameMatches).toBe(true);
    expect(tls.chainTrusted).toBe(true);
    expect(tls.verifyError).toBeUndefined();
    expect(tls.daysToExpiry).toBeGreaterThanOrEqual(certs.validDays - 1);
    expect(tls.daysToExpiry).toBeLessThanOrEqual(certs.validDays);
    expect(Date.parse(tls.validTo!) - Date.parse(tls.validFrom!)).toBe(certs.validDays * 86_400_000);
  });

  it('matches an IP address against the certificate’s IP names, and not a name it does not carry', async () => {
    const byIp = await probeTls('127.0.0.1', valid.port, trusted);
    expect(byIp).toMatchObject({ ok: true, tls: { nameMatches: true, chainTrusted: true } });
    const wrong = await probeTls('portal.example', valid.port, {
      ...trusted,
      network: new NetworkPolicy({
        allowPrivate: true,
        lookup: async () => [{ address: '127.0.0.1', family: 4 }],
      }),
    });
    // The chain still verifies: the name is a separate fact.
    expect(wrong).toMatchObject({ ok: true, tls: { nameMatches: false, chainTrusted: true } });
  });

  it('does not trust the local CA unless told to', async () => {
    const result = await probeTls('localhost', valid.port, probeOptions());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tls.chainTrusted).toBe(false);
    expect(result.tls.verifyError).toMatch(/UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT_LOCALLY)/);
  });

  it('reads an expired certificate: not trusted, CERT_HAS_EXPIRED, negative days to expiry', async () => {
    const host = await checkHost(target('localhost', expired.port, refusedPort), trusted);
    expect(host.https).toBe(true);
    expect(host.tls).toMatchObject({
      chainTrusted: false,
      verifyError: 'CERT_HAS_EXPIRED',
      nameMatches: true,
    });
    expect(host.tls?.validTo).toBe('2021-01-01T00:00:00.000Z');
    expect(host.tls?.daysToExpiry).toBeLessThan(0);
    // http:// not reachable at all.
    expect(host.httpRedirectsToHttps).toBeNull();
  });

  it('records no HSTS when the header is absent, and false for an http: site that does not redirect', async () => {
    const host = await checkHost(target('localhost', noHsts.port, plainHttp.port), trusted);
    expect(host).toMatchObject({ https: true, hsts: null, httpRedirectsToHttps: false });
  });

  it('reads security.txt: contacts and a future Expires; a past Expires is expired', async () => {
    const present = await fetchSecurityTxt('localhost', valid.port, trusted);
    expect(present).toEqual({
      url: `https://localhost:${valid.port}/.well-known/security.txt`,
      found: true,
      contacts: ['mailto:security@city.example', 'https://city.example/report'],
      expires: FUTURE,
      expired: false,
    });
    const stale = await fetchSecurityTxt('localhost', expired.port, trusted);
    expect(stale).toMatchObject({ found: true, expires: PAST, expired: true });
  });

  it('finds no security.txt behind a 404, a soft 404 HTML page or a closed port', async () => {
    const notFound = { found: false, contacts: [], expires: null, expired: null };
    // The 'valid' server answers 404 for other paths; noHsts answers every path with an HTML page.
    const missing = await fetchSecurityTxt('localhost', plainHttp.port, trusted);
    expect(missing).toMatchObject(notFound);
    expect(await fetchSecurityTxt('localhost', noHsts.port, trusted)).toMatchObject(notFound);
    expect(await fetchSecurityTxt('localhost', refusedPort, trusted)).toMatchObject(notFound);
  });

  it('gives https false with an error for a refused connection and for a silent one at its deadline, without throwing', async () => {
    const started = performance.now();
    const artifact = await checkTransport({
      targets: [
        { ...target('127.0.0.1', refusedPort, refusedPort), role: 'portal' },
        { ...target('127.0.0.1', silent.port, refusedPort), role: 'service' },
      ],
      options: probeOptions({ timeoutMs: 1000 }),
    });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3000);
    const [refused, silentHost] = artifact.hosts;
    expect(refused).toMatchObject({
      role: 'portal',
      https: false,
      tls: null,
      hsts: null,
      httpRedirectsToHttps: null,
    });
    expect(refused?.error).toMatch(/ECONNREFUSED/);
    expect(silentHost).toMatchObject({ role: 'service', https: false, tls: null });
    expect(silentHost?.error).toMatch(/No answer within 1000 ms/);
    expect(artifact.securityTxt.found).toBe(false);
  });

  it('refuses a loopback host the network policy does not allow', async () => {
    const result = await probeTls('127.0.0.1', valid.port, probeOptions({ network: new NetworkPolicy() }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/Refused 127\.0\.0\.1/);
  });

  it('stops every probe when the crawl is aborted', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const checking = checkTransport({
      targets: [target('127.0.0.1', silent.port, silent.port)],
      options: probeOptions({ timeoutMs: 30_000, signal: controller.signal }),
    });
    setTimeout(() => controller.abort(), 200);
    const artifact = await checking;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(artifact.hosts[0]).toMatchObject({ https: false, error: 'aborted' });
  });
});

describe('transport parsing and host choice', () => {
  it('parses Strict-Transport-Security', () => {
    expect(parseHsts('max-age=63072000; includeSubDomains; preload')).toEqual({
      maxAgeSeconds: 63_072_000,
      includeSubDomains: true,
      preload: true,
    });
    expect(parseHsts('MAX-AGE="300"')).toEqual({
      maxAgeSeconds: 300,
      includeSubDomains: false,
      preload: false,
    });
    expect(parseHsts('includeSubDomains')).toBeNull();
    expect(parseHsts(undefined)).toBeNull();
  });

  it('parses security.txt fields without case and skips comments; no Expires leaves expired null', () => {
    const parsed = parseSecurityTxt(
      '# Contact: not this\ncontact: mailto:a@b.example\r\nPolicy: https://b.example/p\n',
    );
    expect(parsed).toEqual({ contacts: ['mailto:a@b.example'], expires: null, expired: null });
  });

  it('takes the portal host, then the other fetched hosts in name order, at most MAX_SERVICE_HOSTS', () => {
    const fetched = [
      'https://www.city.example/about',
      'http://city.example/',
      ...Array.from({ length: 12 }, (_, i) => `https://svc${String(i).padStart(2, '0')}.example/apply`),
      'https://tramites.city.example/form',
      'https://svc01.example/other',
      'https://intranet.example:8443/x',
    ];
    const targets = transportTargets('https://www.city.example/', fetched.reverse(), [
      'http://city.example/',
    ]);
    expect(targets[0]).toMatchObject({
      host: 'www.city.example',
      role: 'portal',
      httpsPort: 443,
      httpPort: 80,
    });
    const services = targets.slice(1);
    expect(services).toHaveLength(MAX_SERVICE_HOSTS);
    expect(services.every((t) => t.role === 'service')).toBe(true);
    expect(services.map((t) => t.host)).toEqual([
      'intranet.example:8443',
      ...Array.from({ length: 9 }, (_, i) => `svc0${i}.example`),
    ]);
    expect(services[0]).toMatchObject({ hostname: 'intranet.example', httpsPort: 8443, httpPort: 80 });
  });
});

describe('what the crawl already saw of http://host/', () => {
  it('reads the first hop of the home fetch when the home URL is an http:// root', () => {
    expect(firstHopToHttps('http://city.example/', [], 'http://city.example/')).toBe(false);
    expect(firstHopToHttps('http://city.example/', ['http://city.example/'], 'https://city.example/')).toBe(
      true,
    );
    expect(
      firstHopToHttps(
        'http://city.example/',
        ['http://city.example/', 'http://www.city.example/'],
        'https://www.city.example/',
      ),
    ).toBe(false);
    expect(firstHopToHttps('https://city.example/', [], 'https://city.example/')).toBeNull();
    expect(firstHopToHttps('http://city.example/en/', [], 'http://city.example/en/')).toBeNull();
  });

  it('hands it to the target on the same host and http port only', () => {
    const targets = transportTargets('https://city.example/', ['https://pay.example/x']);
    const marked = withSeenRedirect(targets, 'http://city.example/', true);
    expect(marked.map((t) => t.httpRedirectSeen)).toEqual([true, undefined]);
    expect(withSeenRedirect(targets, 'http://city.example:8080/', true)[0]?.httpRedirectSeen).toBeUndefined();
  });
});

describe('crawlSite emits a transport artifact', () => {
  let certs: TestCertificates;
  let portal: TestServer;
  let service: Listening;
  const records: CrawlRecord[] = [];

  beforeAll(async () => {
    certs = await makeTestCertificates(30);
    // The service host is another loopback address: another site, reached over HTTPS.
    service = await listen(
      createHttpsServer(certs.valid, (_req, res) =>
        html(res, page('Apply', '<h1>Apply</h1>'), 200, { 'strict-transport-security': HSTS }),
      ),
      '127.0.0.2',
    );
    portal = await startServer({
      '/': page(
        'City',
        `<h1>City</h1><a href="https://127.0.0.2:${service.port}/apply">Apply for a permit</a>`,
      ),
    });
    const options: CrawlSiteOptions = {
      runId: 1,
      url: portal.url('/'),
      budget: { maxPages: 5, maxDepth: 2, maxSeconds: 0 },
      render: 'none',
      allowPrivate: true,
      linkHints: ({ text }) =>
        /permit/i.test(text) ? { score: 3, service: true, language: false, codes: ['service'] } : NO_HINT,
      sink: { emit: async (record) => void records.push(structuredClone(record)) },
      pageTimeoutMs: 5000,
      trustedCa: [certs.caPem],
    };
    await crawlSite(options);
  });

  afterAll(async () => {
    await Promise.all([portal?.close(), service?.close()]);
    await certs?.remove();
  });

  it('checks the portal host and the service host its pages reached, before the crawl ends', () => {
    const index = records.findIndex((r) => r.type === 'site-artifact' && r.kind === 'transport');
    expect(index).toBeGreaterThan(-1);
    expect(records.findIndex((r) => r.type === 'crawl-end')).toBeGreaterThan(index);
    // The recorder takes it as it is.
    expect(() => parseCrawlRecord(records[index])).not.toThrow();
    const artifact = (records[index] as { data: TransportArtifact }).data;
    const [portalHost, serviceHost] = artifact.hosts;
    expect(artifact.hosts).toHaveLength(2);
    // The portal is served over http: only; nothing answers on 127.0.0.1:443.
    expect(portalHost).toMatchObject({ host: `127.0.0.1:${portal.port}`, role: 'portal', https: false });
    expect(portalHost?.httpRedirectsToHttps).toBe(false);
    expect(serviceHost).toMatchObject({ host: `127.0.0.2:${service.port}`, role: 'service', https: true });
    expect(serviceHost?.tls).toMatchObject({ chainTrusted: true, nameMatches: true });
    expect(serviceHost?.hsts?.maxAgeSeconds).toBe(31_536_000);
    // What http://portal/ answers was known from the crawl's own fetch of the home page.
    expect(portal.hits.filter((h) => h === '/')).toHaveLength(1);
    expect(artifact.securityTxt).toMatchObject({
      url: 'https://127.0.0.1/.well-known/security.txt',
      found: false,
    });
  });
});
