import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/index.ts';
import { type RunningReviewServer, startReviewServer } from '../../src/server/start.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';
import { Client } from './http-client.ts';
import { PASSWORD, seedUsers, USERS } from './seed.ts';

/** bull-board at /admin/queues when REDIS_URL is set: admins only. A real redis-server on a free port. */
describe('queue dashboard', () => {
  let dir: string;
  let redis: TestRedis;
  let server: RunningReviewServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pa-review-queues-'));
    const dbFile = join(dir, 'store.db');
    const store = openStore(dbFile);
    await seedUsers(store);
    store.close();
    redis = await startRedis();
    server = await startReviewServer({
      dbFile,
      port: 0,
      highlight: false,
      redisUrl: redis.url,
      sessionSecret: 'q'.repeat(40),
    });
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the queues to admins only', async () => {
    const anonymous = new Client(server.url);
    expect((await anonymous.get('/admin/queues')).status).toBe(303);

    const assessor = new Client(server.url);
    await assessor.login(USERS.assessor, PASSWORD);
    expect((await assessor.get('/admin/queues')).status).toBe(403);
    expect((await assessor.get('/admin/queues/api/queues')).status).toBe(403);

    const admin = new Client(server.url);
    await admin.login(USERS.admin, PASSWORD);
    const ui = await admin.get('/admin/queues');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('<div id="root">');
    expect(ui.headers.get('content-security-policy')).toContain("script-src 'self'");
    const api = await admin.get('/admin/queues/api/queues');
    expect(api.status).toBe(200);
    const body = JSON.parse(api.text) as { queues: { name: string }[] };
    expect(body.queues.length).toBeGreaterThanOrEqual(1);
  });

  it("refuses the dashboard API's writes from another origin", async () => {
    const admin = new Client(server.url);
    await admin.login(USERS.admin, PASSWORD);
    const api = JSON.parse((await admin.get('/admin/queues/api/queues')).text) as {
      queues: { name: string }[];
    };
    const queue = encodeURIComponent(api.queues[0]!.name);
    const path = `/admin/queues/api/queues/${queue}/pause`;
    const foreign = await admin.request(path, { method: 'PUT', headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const none = await admin.request(path, { method: 'PUT' });
    expect(none.status).toBe(403);
    const same = await admin.request(path, { method: 'PUT', headers: { origin: server.url } });
    expect(same.status).toBeLessThan(300);
  });
});
