import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, repositories } from '../../db/index.ts';
import { type RunningReviewServer, startReviewServer } from '../../src/server/start.ts';
import { Client } from './http-client.ts';
import { type HostileSeed, PASSWORD, seedHostileCampaign, seedUsers, USERS } from './seed.ts';

const DECISIONS = 130;

/** The notes of the decision rows on an indicator page, in page order. */
function trailNotes(page: string): string[] {
  const table = /<table class="trail">[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
  return [...table.matchAll(/decision no\. (\d+)/g)].map((m) => m[1] as string);
}

function historyLink(page: string, rel: 'prev' | 'next'): string | null {
  return new RegExp(`<a href="([^"]+)" rel="${rel}" id="history-${rel}"`).exec(page)?.[1] ?? null;
}

/** The indicator page shows its decision history a page at a time, newest first. */
describe('decision history pages', () => {
  let dir: string;
  let server: RunningReviewServer;
  let seed: HostileSeed;
  const client = () => new Client(server.url);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pa-history-'));
    const dbFile = join(dir, 'store.db');
    const store = openStore(dbFile);
    seed = seedHostileCampaign(store);
    await seedUsers(store);
    const reviews = repositories(store).reviews;
    store.transaction(() => {
      for (let i = 1; i <= DECISIONS; i++) {
        reviews.append({
          runId: seed.runId,
          code: seed.code,
          reviewer: i === DECISIONS ? USERS.admin : USERS.assessor,
          toValue: i % 2 ? 'met' : 'not_met',
          note: `decision no. ${i}`,
        });
      }
    });
    store.close();
    server = await startReviewServer({ dbFile, port: 0, highlight: false, sessionSecret: 'h'.repeat(48) });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the newest 50 decisions and links to the older ones, page by page', async () => {
    const viewer = client();
    await viewer.login(USERS.viewer, PASSWORD);
    const path = `/runs/${seed.runId}/indicators/${seed.code}`;

    const first = await viewer.get(path);
    expect(first.status).toBe(200);
    expect(trailNotes(first.text)).toEqual(Array.from({ length: 50 }, (_, i) => String(DECISIONS - i)));
    expect(first.text).toContain(`Decisions 1–50 of ${DECISIONS}, newest first`);
    expect(first.text).toContain('Page 1 of 3');
    expect(historyLink(first.text, 'prev')).toBeNull();
    // The final value is still the latest decision, whatever page is shown.
    expect(first.text).toMatch(new RegExp(`id="final-value">[\\s\\S]*?decided by ${USERS.admin}<`));

    const olderHref = historyLink(first.text, 'next');
    expect(olderHref).toBe(`${path}?history=2#trail-h`);
    const second = await viewer.get(olderHref!.replace(/#.*/, ''));
    expect(trailNotes(second.text)).toEqual(Array.from({ length: 50 }, (_, i) => String(DECISIONS - 50 - i)));
    expect(historyLink(second.text, 'prev')).toBe(`${path}?history=1#trail-h`);

    const last = await viewer.get(`${path}?history=3`);
    expect(trailNotes(last.text)).toEqual(Array.from({ length: 30 }, (_, i) => String(30 - i)));
    expect(last.text).toContain(`Decisions 101–130 of ${DECISIONS}, newest first`);
    expect(historyLink(last.text, 'next')).toBeNull();

    // Past the end shows the last page; a page that is not a number is a bad request.
    expect(trailNotes((await viewer.get(`${path}?history=99`)).text)).toEqual(trailNotes(last.text));
    expect((await viewer.get(`${path}?history=abc`)).status).toBe(400);
  });
});
