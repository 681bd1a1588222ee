import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/index.ts';
import { type ReviewServerOptions, startReviewServer } from '../../src/server/start.ts';
import { Client } from './http-client.ts';
import { PASSWORD, seedUsers, USERS } from './seed.ts';

/** Failed-login limits of the review app, over real HTTP on 127.0.0.1 and a real SQLite store. */
describe('login limits', () => {
  let dir: string;
  let dbFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pa-login-limits-'));
    dbFile = join(dir, 'store.db');
    const store = openStore(dbFile);
    await seedUsers(store);
    store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function withServer(options: Partial<ReviewServerOptions>, body: (url: string) => Promise<void>) {
    const server = await startReviewServer({
      dbFile,
      port: 0,
      highlight: false,
      sessionSecret: 's'.repeat(48),
      ...options,
    });
    try {
      await body(server.url);
    } finally {
      await server.close();
    }
  }

  /** One login attempt from a fresh client (no session), with the given X-Forwarded-For. */
  async function attempt(url: string, name: string, password: string, forwardedFor?: string) {
    const client = new Client(url);
    const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
    const token = await client.csrf('/login');
    return client.post('/login', { _csrf: token, name, password }, headers);
  }

  it('behind --trust-proxy, rotating X-Forwarded-For neither escapes the limit nor locks out other users', async () => {
    await withServer(
      { trustProxy: true, loginLimits: { perAddress: 3, perAccount: 6, windowMs: 60_000 } },
      async (url) => {
        // The attacker puts a new address in X-Forwarded-For each time; the proxy appends the address it
        // really saw (198.51.100.7), and only that one counts.
        const office = '198.51.100.7';
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) {
          const reply = await attempt(url, USERS.admin, `guess ${i}`, `10.9.${i}.1, ${office}`);
          statuses.push(reply.status);
        }
        expect(statuses).toEqual([401, 401, 401, 429, 429]);
        const refused = await attempt(url, USERS.admin, PASSWORD, `10.9.9.9, ${office}`);
        expect(refused.status).toBe(429);
        expect(refused.text).toContain('Too many failed logins for this user name');
        // Another user behind the same address still gets in with the right password.
        expect((await attempt(url, USERS.assessor, PASSWORD, office)).status).toBe(303);

        // Guesses that really come from many addresses (a botnet) meet the per-account limit: 3 more
        // failures make 6 for the account, and then it is refused from everywhere.
        const spread: number[] = [];
        for (let i = 0; i < 5; i++) {
          spread.push((await attempt(url, USERS.admin, `spread ${i}`, `203.0.113.${10 + i}`)).status);
        }
        expect(spread).toEqual([401, 401, 401, 429, 429]);
        expect((await attempt(url, USERS.admin, PASSWORD, '192.0.2.44')).status).toBe(429);
        // … while the other accounts are untouched, at those addresses too.
        expect((await attempt(url, USERS.viewer, PASSWORD, '203.0.113.10')).status).toBe(303);
      },
    );
  }, 60_000);

  it('a locked user name is let in again when its window ends', async () => {
    const windowMs = 5_000;
    await withServer({ loginLimits: { perAddress: 2, perAccount: 10, windowMs } }, async (url) => {
      expect((await attempt(url, USERS.second, 'wrong one')).status).toBe(401);
      const afterFirst = Date.now();
      expect((await attempt(url, USERS.second, 'wrong two')).status).toBe(401);
      const locked = await attempt(url, USERS.second, PASSWORD);
      expect(locked.status).toBe(429);
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(windowMs / 1000);
      // Same address, another user: not locked out.
      expect((await attempt(url, USERS.viewer, PASSWORD)).status).toBe(303);

      await new Promise((resolve) => setTimeout(resolve, afterFirst + windowMs + 200 - Date.now()));
      expect((await attempt(url, USERS.second, PASSWORD)).status).toBe(303);
    });
  }, 60_000);
});
