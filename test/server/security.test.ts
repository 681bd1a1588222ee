import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, repositories, reviewAppRepositories } from '../../db/index.ts';
import { type RunningReviewServer, startReviewServer } from '../../src/server/start.ts';
import { Client } from './http-client.ts';
import { type HostileSeed, PASSWORD, seedHostileCampaign, seedUsers, USERS } from './seed.ts';

/** HTTP-level security of the review app: a real server on 127.0.0.1 over a real SQLite store. */
describe('review app security', () => {
  let dir: string;
  let dbFile: string;
  let server: RunningReviewServer;
  let seed: HostileSeed;
  let screenshotHash: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pa-review-sec-'));
    dbFile = join(dir, 'store.db');
    const store = openStore(dbFile);
    seed = seedHostileCampaign(store);
    await seedUsers(store);
    // An image artifact, to check that each route serves only its own kind.
    const jpeg = Buffer.from('not really a jpeg');
    screenshotHash = (await import('../../db/index.ts')).sha256Hex(jpeg);
    store.artifacts.put({ hash: screenshotHash, kind: 'screenshot', mediaType: 'image/jpeg', data: jpeg });
    store.close();
    server = await startReviewServer({
      dbFile,
      port: 0,
      highlight: false,
      loginLimits: { perAddress: 100, perAccount: 100, windowMs: 60_000 },
      sessionSecret: 'a'.repeat(48),
    });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const decisionPath = () => `/runs/${seed.runId}/indicators/${seed.code}/decision`;
  const reviewCount = () => repositories(server.store).reviews.listForRun(seed.runId).length;

  it('redirects every unauthenticated request to the login page', async () => {
    const anonymous = new Client(server.url);
    const paths = [
      '/',
      `/campaigns/${seed.campaignId}`,
      '/self-audits',
      `/runs/${seed.runId}`,
      `/runs/${seed.runId}/indicators/${seed.code}`,
      '/disagreements',
      '/agreement',
      '/admin/users',
      `/captures/${seed.htmlHash}`,
      `/artifacts/${screenshotHash}`,
      '/evidence/1/highlight',
      '/no/such/page',
    ];
    for (const path of paths) {
      const reply = await anonymous.get(path);
      expect(reply.status, path).toBe(303);
      expect(reply.location).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    const post = await anonymous.post(decisionPath(), { value: 'met' });
    expect(post.status).toBe(303);
    expect(post.location).toMatch(/^\/login/);
    expect(reviewCount()).toBe(0);
    expect((await anonymous.get('/login')).status).toBe(200);
  });

  it('logs in with a new HttpOnly, SameSite session cookie and refuses wrong passwords alike', async () => {
    const client = new Client(server.url);
    const token = await client.csrf('/login');
    const before = client.cookies.get('pa_session');
    expect(before).toBeDefined();
    const wrong = await client.post('/login', {
      _csrf: token,
      name: USERS.assessor,
      password: 'wrong password!',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Wrong user name or password.');
    const unknown = await client.post('/login', {
      _csrf: await client.csrf('/login'),
      name: 'nobody',
      password: PASSWORD,
    });
    expect(unknown.status).toBe(401);
    expect(unknown.text).toContain('Wrong user name or password.');

    const ok = await client.login(USERS.assessor, PASSWORD);
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/');
    const cookie = client.lastSetCookie.find((c) => c.startsWith('pa_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http on 127.0.0.1
    expect(client.cookies.get('pa_session')).not.toBe(before); // a new session id at login
    const home = await client.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain(`${USERS.assessor} (assessor)`);
  });

  it('sets security headers; pages allow only same-origin scripts and cannot be framed', async () => {
    const client = new Client(server.url);
    await client.login(USERS.viewer, PASSWORD);
    const page = await client.get('/');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("refuses a viewer's POST, even with a valid CSRF token", async () => {
    const viewer = new Client(server.url);
    await viewer.login(USERS.viewer, PASSWORD);
    const page = await viewer.get(`/runs/${seed.runId}/indicators/${seed.code}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Your role can read but not decide.');
    const token = await viewer.csrf('/');
    const reply = await viewer.post(decisionPath(), { _csrf: token, value: 'met', note: 'viewer' });
    expect(reply.status).toBe(403);
    const assign = await viewer.post(`/runs/${seed.runId}/assignments`, { _csrf: token, userId: '1' });
    expect(assign.status).toBe(403);
    expect(reviewCount()).toBe(0);
    expect(reviewAppRepositories(server.store).workflow.assignmentsForRuns([seed.runId])).toEqual([]);
  });

  it('refuses a POST without a CSRF token or with a forged one', async () => {
    const assessor = new Client(server.url);
    await assessor.login(USERS.assessor, PASSWORD);
    const missing = await assessor.post(decisionPath(), { value: 'met' });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('Form expired');
    const forged = await assessor.post(decisionPath(), { _csrf: 'forged-token', value: 'met' });
    expect(forged.status).toBe(403);
    // A token from another session is worthless too.
    const other = new Client(server.url);
    await other.login(USERS.admin, PASSWORD);
    const foreign = await assessor.post(decisionPath(), { _csrf: await other.csrf('/'), value: 'met' });
    expect(foreign.status).toBe(403);
    expect(reviewCount()).toBe(0);

    const token = await assessor.csrf(`/runs/${seed.runId}/indicators/${seed.code}`);
    const ok = await assessor.post(decisionPath(), {
      _csrf: token,
      value: 'met',
      note: 'checked the footer',
    });
    expect(ok.status).toBe(303);
    expect(reviewCount()).toBe(1);
  });

  it('serves artifacts only by hash, each route only its own kind: no URL escapes the artifact directory', async () => {
    const client = new Client(server.url);
    await client.login(USERS.viewer, PASSWORD);
    const capture = await client.get(`/captures/${seed.htmlHash}`);
    expect(capture.status).toBe(200);
    expect(capture.text).toContain('Hostile page');
    const captureCsp = capture.headers.get('content-security-policy') ?? '';
    expect(captureCsp.split(';').map((d) => d.trim())).toContain('sandbox');
    expect(captureCsp).toContain("default-src 'none'");
    expect(captureCsp).not.toMatch(/allow-scripts|allow-same-origin/);
    const image = await client.get(`/artifacts/${screenshotHash}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');

    const refused = [
      `/artifacts/${seed.htmlHash}`, // HTML never served as a plain artifact
      `/captures/${screenshotHash}`,
      `/captures/${seed.htmlHash.toUpperCase()}`,
      `/captures/${seed.htmlHash.slice(0, 63)}`,
      '/artifacts/..%2f..%2f..%2fetc%2fpasswd',
      '/artifacts/%2e%2e%2f%2e%2e%2fstore.db',
      '/captures/..%2fstore.db',
      `/captures/${seed.htmlHash.slice(0, 2)}%2f${seed.htmlHash}.gz`,
      '/artifacts/../../../../etc/passwd',
      '/static/../../package.json',
      '/static/%2e%2e/%2e%2e/app.ts',
      `/captures/${'0'.repeat(64)}`,
    ];
    for (const path of refused) {
      // Sent byte for byte: `..` segments reach the server unresolved.
      const reply = await client.rawGet(path);
      expect([400, 403, 404], path).toContain(reply.status);
      expect(reply.text, path).not.toContain('root:');
      expect(reply.text, path).not.toContain('SQLite format');
      expect(reply.text, path).not.toContain('buildReviewApp');
    }
  });

  it('escapes captured text in every page', async () => {
    const client = new Client(server.url);
    await client.login(USERS.viewer, PASSWORD);
    const page = await client.get(`/runs/${seed.runId}/indicators/${seed.code}`);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).toContain('footer link &lt;b&gt;not bold&lt;/b&gt;');
  });

  it('ends the session at logout: the old cookie no longer works', async () => {
    const client = new Client(server.url);
    await client.login(USERS.viewer, PASSWORD);
    const cookie = client.cookies.get('pa_session')!;
    const token = await client.csrf('/');
    expect((await client.post('/logout', { _csrf: token })).status).toBe(303);
    const replay = new Client(server.url);
    replay.cookies.set('pa_session', cookie);
    const reply = await replay.get('/');
    expect(reply.status).toBe(303);
    expect(reply.location).toMatch(/^\/login/);
  });

  it('limits failed logins per user name and address', async () => {
    const limited = await startReviewServer({
      dbFile,
      port: 0,
      highlight: false,
      loginLimits: { perAddress: 3, windowMs: 60_000 },
      sessionSecret: 'b'.repeat(48),
    });
    try {
      const client = new Client(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const token = await client.csrf('/login');
        statuses.push(
          (await client.post('/login', { _csrf: token, name: USERS.admin, password: `guess ${i}` })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      // Even the right password is refused while the limit holds.
      const right = await client.post('/login', {
        _csrf: await client.csrf('/login'),
        name: USERS.admin,
        password: PASSWORD,
      });
      expect(right.status).toBe(429);
      expect(right.text).toContain('Too many');
    } finally {
      await limited.close();
    }
  });

  it('marks the session cookie Secure behind a TLS proxy (--trust-proxy)', async () => {
    const proxied = await startReviewServer({
      dbFile,
      port: 0,
      highlight: false,
      trustProxy: true,
      sessionSecret: 'c'.repeat(48),
    });
    try {
      const client = new Client(proxied.url);
      const headers = { 'x-forwarded-proto': 'https' };
      const login = await client.request('/login', { headers });
      const token = /name="_csrf" value="([^"]+)"/.exec(login.text)![1]!;
      expect(client.lastSetCookie.find((c) => c.startsWith('pa_session='))).toMatch(/Secure/);
      const reply = await client.request('/login', {
        method: 'POST',
        headers,
        form: { _csrf: token, name: USERS.viewer, password: PASSWORD },
      });
      expect(reply.status).toBe(303);
      expect(client.lastSetCookie.find((c) => c.startsWith('pa_session='))).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });
});
