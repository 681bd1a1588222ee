import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { requireChromium } from '../../crawlers/browser/find-chromium.ts';
import { openStore, repositories } from '../../db/index.ts';
import { Recorder } from '../../queue/recorder.ts';
import { getCatalog } from '../../rules/index.ts';
import type { IndicatorResult } from '../../src/core/index.ts';
import { type RunningReviewServer, startReviewServer } from '../../src/server/start.ts';
import { Client } from './http-client.ts';
import { type HostileSeed, PASSWORD, seedHostileCampaign, seedUsers, USERS } from './seed.ts';

/**
 * The review app's [report-ux] fixes, over HTTP and in Chromium: campaign counts, notes on overrides,
 * a run whose portal was never reached, the Tab order of an indicator page, the queue dashboard's
 * address without Redis.
 */
describe('review app: counts, notes, not-audited runs, keyboard', () => {
  let dir: string;
  let server: RunningReviewServer;
  let seed: HostileSeed;
  let unreachedRunId: number;
  let browser: Browser;
  const as: Record<keyof typeof USERS, Client> = {} as never;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pa-review-ux-'));
    const dbFile = join(dir, 'store.db');
    const store = openStore(dbFile);
    seed = seedHostileCampaign(store);
    unreachedRunId = seedUnreachedRun(store, seed.campaignId);
    // A third portal of the campaign, not crawled yet.
    repositories(store).targets.createForCampaign(seed.campaignId, {
      url: 'https://later.example/',
      level: 'city',
    });
    await seedUsers(store);
    store.close();
    server = await startReviewServer({ dbFile, port: 0, highlight: false, sessionSecret: 'u'.repeat(40) });
    for (const role of Object.keys(USERS) as (keyof typeof USERS)[]) {
      as[role] = new Client(server.url);
      expect((await as[role].login(USERS[role], PASSWORD)).status).toBe(303);
    }
    browser = await chromium.launch({ executablePath: requireChromium(), args: [...CHROMIUM_ARGS] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('counts a campaign’s portals and rounds', async () => {
    const page = await as.viewer.get('/');
    const row =
      /<tr><th scope="row"><a href="\/campaigns\/\d+">Hostile survey<\/a><\/th>([\s\S]*?)<\/tr>/.exec(
        page.text,
      )?.[1];
    const cells = [...(row ?? '').matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);
    // Catalog, portals (3 targets), rounds (the finished round 1).
    expect(cells.slice(0, 3)).toEqual(['losi-2024', '3', '1']);
  });

  it('refuses an override without a note, and takes a confirmation without one', async () => {
    const indicator = `/runs/${seed.runId}/indicators/${seed.code}`;
    const form = async (client: Client) => {
      const page = await client.get(indicator);
      return {
        _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!,
        resultId: /name="resultId" value="(\d+)"/.exec(page.text)![1]!,
      };
    };
    // The automated verdict of the seeded indicator is needs_review: "met" overrides it.
    const empty = await as.assessor.post(`${indicator}/decision`, {
      ...(await form(as.assessor)),
      value: 'met',
      note: '  ',
    });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('A note is required to override the automated verdict');
    expect(repositories(server.store).reviews.listForRun(seed.runId)).toHaveLength(0);

    const withNote = await as.assessor.post(`${indicator}/decision`, {
      ...(await form(as.assessor)),
      value: 'met',
      note: 'Org chart image on the council page',
    });
    expect(withNote.status).toBe(303);

    // Confirming a met verdict (the second seeded indicator) needs no note.
    const metCode = getCatalog('losi-2024').entries[1]!.code;
    const metPage = `/runs/${seed.runId}/indicators/${metCode}`;
    const page = await as.assessor.get(metPage);
    const confirm = await as.assessor.post(`${metPage}/decision`, {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!,
      resultId: /name="resultId" value="(\d+)"/.exec(page.text)![1]!,
      value: 'met',
      note: '',
    });
    expect(confirm.status).toBe(303);
  });

  it('shows an unreached portal as not audited, with nothing to review', async () => {
    const run = await as.assessor.get(`/runs/${unreachedRunId}`);
    expect(run.status).toBe(200);
    expect(run.text).toContain(
      'Not audited: the connection was refused — connect ECONNREFUSED 203.0.113.9:443',
    );
    expect(run.text).not.toContain('Review the first undecided indicator');
    expect(run.text).not.toContain('Score from final values');
    // Its evaluation (of nothing) is not offered for review.
    const code = getCatalog('losi-2024').entries[0]!.code;
    expect((await as.assessor.get(`/runs/${unreachedRunId}/indicators/${code}`)).status).toBe(404);
    const list = await as.assessor.get(`/campaigns/${seed.campaignId}`);
    const row = list.text.slice(list.text.indexOf('https://down.example/'));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('<strong>Not audited</strong>');
  });

  it('says that Redis is not configured at the queue dashboard’s address, and links to it', async () => {
    const queues = await as.admin.get('/admin/queues');
    expect(queues.status).toBe(404);
    expect(queues.text).toContain('Redis is not configured');
    expect((await as.admin.get('/')).text).toContain('<a href="/admin/queues">Queues</a>');
    expect((await as.assessor.get('/admin/queues')).status).toBe(403);
  });

  it('puts the evidence before the decision form and keeps the stored page out of the Tab order', async () => {
    const page = await loggedIn(USERS.second);
    await page.goto(`${server.url}/runs/${seed.runId}/indicators/${seed.code}`);
    const order = await page.evaluate(() => {
      const evidence = document.getElementById('evidence-h');
      const form = document.getElementById('decide-form');
      return evidence && form ? evidence.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
    expect(await page.locator('iframe[sandbox]').first().getAttribute('tabindex')).toBe('-1');
    expect(await page.getByRole('link', { name: 'open it alone' }).count()).toBe(1);

    // From the evidence heading's first link, Tab reaches the decision form without entering the frame.
    await page.locator('#evidence-h').scrollIntoViewIfNeeded();
    await page.locator('article.evidence a').first().focus();
    const stops: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return 'none';
        if (el.tagName === 'IFRAME') return 'iframe';
        return el.id || `${el.tagName.toLowerCase()}:${el.textContent?.trim().slice(0, 30) ?? ''}`;
      });
      stops.push(where);
      if (where.startsWith('decide-')) break;
    }
    expect(stops.at(-1)).toMatch(/^decide-/);
    expect(stops).not.toContain('iframe');
    // The frame's own links (the hostile page has several) took none of the stops.
    expect(stops.length).toBeLessThan(12);
    await page.context().close();
  });

  async function loggedIn(name: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('#name').fill(name);
    await page.locator('#password').fill(PASSWORD);
    await Promise.all([page.waitForURL(`${server.url}/`), page.locator('#password').press('Enter')]);
    return page;
  }
});

/** A campaign run whose home page refused the connection, evaluated all the same (as record-end does). */
function seedUnreachedRun(store: ReturnType<typeof openStore>, campaignId: number): number {
  const recorder = new Recorder(store);
  const catalog = getCatalog('losi-2024');
  const home = 'https://down.example/';
  const runId = recorder.startRun({
    target: { url: home, level: 'city' },
    campaignId,
    catalogId: catalog.id,
  });
  recorder.write({
    type: 'crawl-end',
    runId,
    end: {
      outcome: 'connection_refused',
      stopReason: 'unreachable',
      homeUrl: home,
      finalHomeUrl: null,
      pages: 0,
      statuses: { connection_refused: 1 },
      startedAt: '2026-11-22T12:00:00.000Z',
      finishedAt: '2026-11-22T12:00:05.000Z',
      spa: false,
      message: 'connect ECONNREFUSED 203.0.113.9:443',
    },
  });
  const results: IndicatorResult[] = catalog.entries.slice(0, 2).map((e) => ({
    ruleId: e.ruleId,
    code: e.code,
    criterion: e.criterion,
    method: e.method,
    ruleVersion: 1,
    outcome: 'needs_review',
    confidence: 0.1,
    message: 'The home page was not captured.',
    evidence: [{ pageUrl: home, kind: 'http', note: 'home page not captured' }],
  }));
  recorder.recordEvaluation(runId, catalog, results);
  return runId;
}
