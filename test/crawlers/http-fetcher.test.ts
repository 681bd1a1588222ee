import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch, httpFetchText } from '../../crawlers/http/http-fetcher.ts';
import { isPrivateAddress } from '../../crawlers/http/private-address.ts';
import { userAgent } from '../../src/core/index.ts';
import { type HostileStats, hostileRoutes, startServer, type TestServer } from '../helpers/hostile-server.ts';
import { ANY_PRIVATE } from '../helpers/network.ts';

const UA = userAgent('https://example.org/contact');
const opts = { userAgent: UA, network: ANY_PRIVATE };

let server: TestServer;
let stats: HostileStats;

beforeAll(async () => {
  const hostile = hostileRoutes();
  stats = hostile.stats;
  server = await startServer(hostile.routes, { robots: 'User-agent: *\nDisallow: /private\n' });
});
afterAll(() => server.close());

describe('httpFetch statuses against a hostile server', () => {
  it('fetches a page, sends our User-Agent and an HTML Accept header', async () => {
    const res = await httpFetch(server.url('/headers'), opts);
    expect(res.status).toBe('ok');
    expect(res.httpStatus).toBe(200);
    expect(res.contentType).toContain('text/html');
    expect(res.html).toContain(`<pre id="ua">${UA}</pre>`);
    expect(res.html).toMatch(/<pre id="accept">text\/html/);
    expect(res.bytes).toBeGreaterThan(50);
  });

  it('records the redirect chain', async () => {
    const res = await httpFetch(server.url('/redirect-ok'), opts);
    expect(res.status).toBe('ok');
    expect(res.finalUrl).toBe(server.url('/'));
    expect(res.redirects).toEqual([server.url('/redirect-ok')]);
  });

  it('ends a redirect loop as redirect_loop', async () => {
    const res = await httpFetch(server.url('/loop-a'), opts);
    expect(res.status).toBe('redirect_loop');
    expect(res.redirects).toEqual([server.url('/loop-a'), server.url('/loop-b')]);
  });

  it('ends an endless redirect chain after maxRedirects', async () => {
    const res = await httpFetch(server.url('/chain?n=0'), { ...opts, maxRedirects: 5 });
    expect(res.status).toBe('redirect_loop');
    expect(res.redirects.length).toBe(6);
  });

  it('maps 500 to http_5xx and 404 to http_4xx, without HTML', async () => {
    const five = await httpFetch(server.url('/error-500'), opts);
    expect([five.status, five.httpStatus, five.html]).toEqual(['http_5xx', 500, null]);
    const four = await httpFetch(server.url('/not-found'), opts);
    expect([four.status, four.httpStatus]).toEqual(['http_4xx', 404]);
  });

  it('maps 403, 429 and a challenge page to bot_blocked', async () => {
    expect((await httpFetch(server.url('/forbidden'), opts)).status).toBe('bot_blocked');
    expect((await httpFetch(server.url('/too-many'), opts)).status).toBe('bot_blocked');
    const challenge = await httpFetch(server.url('/challenge'), opts);
    expect([challenge.status, challenge.httpStatus]).toEqual(['bot_blocked', 200]);
  });

  it('times out a slow response (headers) and a slow body within the hard timeout', async () => {
    for (const path of ['/slow', '/slow-body']) {
      const started = Date.now();
      const res = await httpFetch(server.url(path), { ...opts, timeoutMs: 1000 });
      expect(res.status).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(4000);
    }
  });

  it('stops reading a 20 MB page at the byte cap: too_large, fast', async () => {
    const started = Date.now();
    const res = await httpFetch(server.url('/huge'), opts);
    const elapsed = Date.now() - started;
    expect(res.status).toBe('too_large');
    expect(res.html).toBeNull();
    expect(res.bytes).toBe(5 * 1024 * 1024);
    expect(elapsed).toBeLessThan(6000);
    await new Promise((r) => setTimeout(r, 200));
    // The server stopped well before 20 MB because the client went away.
    expect(stats.hugeBytesWritten).toBeLessThan(12 * 1024 * 1024);
  });

  it('detects binary served as text/html, and real non-HTML types, as not_html', async () => {
    expect((await httpFetch(server.url('/binary'), opts)).status).toBe('not_html');
    expect((await httpFetch(server.url('/nul'), opts)).status).toBe('not_html');
    const pdf = await httpFetch(server.url('/pdf'), opts);
    expect([pdf.status, pdf.contentType]).toEqual(['not_html', 'application/pdf']);
  });

  it('asks for and decodes compressed bodies, capping the decoded size (gzip bomb)', async () => {
    const res = await httpFetch(server.url('/gzip'), opts);
    expect(res.status).toBe('ok');
    expect(res.html).toContain('Accept-Encoding was gzip, deflate, br');
    const started = Date.now();
    const bomb = await httpFetch(server.url('/gzip-bomb'), { ...opts, maxBytes: 1024 * 1024 });
    expect(bomb.status).toBe('too_large');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('decodes the charset declared in <meta charset>', async () => {
    const res = await httpFetch(server.url('/latin1'), opts);
    expect(res.status).toBe('ok');
    expect(res.html).toContain('Mairie de Québec');
  });

  it('fetches text resources (robots.txt) with httpFetchText', async () => {
    const res = await httpFetchText(server.url('/robots.txt'), opts);
    expect(res.status).toBe('ok');
    expect(res.text).toContain('Disallow: /private');
    expect(res.html).toBeNull();
  });

  it('maps a closed port to connection_refused', async () => {
    const closed = await startServer({});
    const url = closed.url('/');
    await closed.close();
    const res = await httpFetch(url, opts);
    expect(res.status).toBe('connection_refused');
    expect(res.httpStatus).toBeNull();
  });

  it('maps an unresolvable host to dns_error', async () => {
    const res = await httpFetch('http://nonexistent.invalid/', { userAgent: UA });
    expect(res.status).toBe('dns_error');
    expect(res.error).toMatch(/DNS/);
  });

  it('refuses loopback unless the policy allows it, with a clear message', async () => {
    const hitsBefore = server.hits.length;
    const refused = await httpFetch(server.url('/'), { userAgent: UA });
    expect(refused.status).toBe('private_address');
    expect(refused.error).toMatch(/private, loopback or link-local.*allow-private/);
    expect(server.hits.length).toBe(hitsBefore);
    const byName = await httpFetch(`http://localhost:${server.port}/`, { userAgent: UA });
    expect(byName.status).toBe('private_address');
    const allowed = await httpFetch(server.url('/'), opts);
    expect(allowed.status).toBe('ok');
  });
});

// A throwaway self-signed certificate for 127.0.0.1 (not trusted by anything).
const SELF_SIGNED = {
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQggM7dy93C3EnQBM01
heHgV8p4i9UdMjTUR7iiJQbYUT+hRANCAAR3IYFp/3zmOtb7hY4ZsI28JDU43kMw
8XKjfjVssibPtCP6tk7NIx2Dac886V7qgxmbWS3jyy6EvyLEd3whdC0a
-----END PRIVATE KEY-----`,
  cert: `-----BEGIN CERTIFICATE-----
MIIBgDCCASWgAwIBAgIUEsK3LqZdbrRKqVtpHbPRO64OnXIwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyMjEyMzIwN1oYDzIxMjYxMDI5
MTIzMjA3WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAR3IYFp/3zmOtb7hY4ZsI28JDU43kMw8XKjfjVssibPtCP6tk7NIx2D
ac886V7qgxmbWS3jyy6EvyLEd3whdC0ao1MwUTAdBgNVHQ4EFgQUm+dWgs7gY+i1
ea0UajokVIaqC5EwHwYDVR0jBBgwFoAUm+dWgs7gY+i1ea0UajokVIaqC5EwDwYD
VR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA9p/I9U4UPkMLAmViPgMq
X+GrCN1Xhhz9o33cJ7okfM4CIQDFB6KSAcLuxpdWaiPw3XmPiM6wgjHR0itK30iT
OHVeMQ==
-----END CERTIFICATE-----`,
};

describe('httpFetch transport errors', () => {
  it('maps an untrusted certificate to tls_error', async () => {
    const tls = createHttpsServer(SELF_SIGNED, (_req, res) => res.end('<html></html>'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = tls.address() as AddressInfo;
      const res = await httpFetch(`https://127.0.0.1:${port}/`, opts);
      expect(res.status).toBe('tls_error');
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it('maps a connection closed mid-request to connection_reset', async () => {
    const rude = createNetServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = rude.address() as AddressInfo;
      const res = await httpFetch(`http://127.0.0.1:${port}/`, opts);
      expect(res.status).toBe('connection_reset');
    } finally {
      await new Promise((resolve) => rude.close(resolve));
    }
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.5.4', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['8.8.8.8', false],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['2001:4860:4860::8888', false],
  ])('%s → %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});
