import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../../crawlers/browser/axe-run.ts';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { requireChromium } from '../../crawlers/browser/find-chromium.ts';
import { openStore, repositories, reviewAppRepositories } from '../../db/index.ts';
import { ReviewWrites } from '../../db/review-app/review-writes.ts';
import { type RunningReviewServer, startReviewServer } from '../../src/server/start.ts';
import { type HostileSeed, PASSWORD, seedDemoAudit, seedHostileCampaign, seedUsers, USERS } from './seed.ts';

/**
 * The review app in Chromium against the running server: an assessor's keyboard flow, axe-core on every
 * page, and a hostile captured page that must neither run nor navigate. Seeded with a real audit of the
 * demo portal (render auto) and a hostile capture recorded through the Recorder.
 */
describe('review app in the browser', () => {
  let dir: string;
  let server: RunningReviewServer;
  let browser: Browser;
  let demoRunId: number;
  let hostile: HostileSeed;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pa-review-browser-'));
    const dbFile = join(dir, 'store.db');
    demoRunId = await seedDemoAudit(dbFile, join(dir, 'report'));
    const store = openStore(dbFile);
    hostile = seedHostileCampaign(store);
    await seedUsers(store);
    store.close();
    server = await startReviewServer({ dbFile, port: 0, sessionSecret: 'b'.repeat(40) });
    browser = await chromium.launch({ executablePath: requireChromium(), args: [...CHROMIUM_ARGS] });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function loggedIn(name: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.locator('#name').fill(name);
    await page.locator('#password').fill(PASSWORD);
    await Promise.all([page.waitForURL(`${server.url}/`), page.locator('#password').press('Enter')]);
    return page;
  }

  it('lets an assessor log in, open a portal and review an indicator with the keyboard', async () => {
    const page = await loggedIn(USERS.assessor);
    await page.getByRole('link', { name: 'Self-audits' }).click();
    await page.locator(`a[href="/runs/${demoRunId}"]`).first().click();
    await page.waitForURL(`${server.url}/runs/${demoRunId}`);
    expect(await page.locator('h2#ind-h').textContent()).toBe('Indicators');
    await page.locator('a.button', { hasText: 'Review the first undecided indicator' }).click();
    await page.locator('#decide-form').waitFor();
    const url = page.url();
    const before = await page.locator('#final-value').textContent();

    // Visible focus: Tab reaches a link and it is outlined.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');

    // 2 = not met: the choice is made and the note field gets the focus; Ctrl+Enter saves.
    await page.locator('body').press('2');
    expect(await page.locator('#decide-not_met').isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('decide-note');
    await page.keyboard.type('Checked the footer and the sitemap by keyboard');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Control+Enter')]);
    expect(page.url()).toBe(url);
    expect(await page.locator('.flash').textContent()).toContain('Saved: Not met');
    const after = await page.locator('#final-value').textContent();
    expect(after).toContain(`Not met decided by ${USERS.assessor}`);
    expect(after).not.toBe(before);
    const trail = page.locator('table.trail');
    expect(await trail.textContent()).toContain('Checked the footer and the sitemap by keyboard');
    expect(await trail.locator('tbody tr').count()).toBe(1);

    // n / p move between indicators.
    await Promise.all([page.waitForEvent('load'), page.locator('body').press('n')]);
    expect(page.url()).not.toBe(url);
    await Promise.all([page.waitForEvent('load'), page.locator('body').press('p')]);
    expect(page.url()).toBe(url);

    // Back on the run page the final value and the decider show in the indicator table.
    await page.goto(`${server.url}/runs/${demoRunId}`);
    expect(await page.locator('table.indicators').first().textContent()).toBeTruthy();
    expect(await page.locator('table.indicators td', { hasText: USERS.assessor }).count()).toBe(1);
    await page.context().close();
  }, 120_000);

  it('passes axe-core (WCAG 2.2 AA) on every page of the app', async () => {
    // A disagreement, so the resolution form and the blind views exist.
    const writes = new ReviewWrites(server.store);
    const bea = reviewAppRepositories(server.store).users.getByName(USERS.second)!;
    const result = repositories(server.store).evaluations.latestForRun(hostile.runId)!.results[0]!;
    writes.assignBlind({ runId: hostile.runId, userId: bea.id, assignedBy: USERS.admin });
    const decision = {
      runId: hostile.runId,
      code: hostile.code,
      resultId: result.resultId,
      fromValue: 'needs_review',
      note: 'seeded',
    };
    writes.decide({ ...decision, reviewer: USERS.assessor, toValue: 'met' });
    writes.decideBlind({ ...decision, reviewer: USERS.second, toValue: 'not_met' });
    const demoCode = repositories(server.store).evaluations.latestForRun(demoRunId)!.results[0]!.code;

    const anonymous = await browser.newPage();
    const pages: [Page, string][] = [[anonymous, '/login']];
    const admin = await loggedIn(USERS.admin);
    for (const path of [
      '/',
      '/self-audits',
      `/campaigns/${hostile.campaignId}`,
      `/campaigns/${hostile.campaignId}?show=needs_review&sort=score&dir=desc`,
      `/runs/${demoRunId}`,
      `/runs/${demoRunId}/indicators/${encodeURIComponent(demoCode)}`,
      `/runs/${hostile.runId}`,
      `/runs/${hostile.runId}/indicators/${hostile.code}`,
      '/disagreements',
      '/agreement',
      '/admin/users',
      '/no/such/page',
    ]) {
      pages.push([admin, path]);
    }
    const blind = await loggedIn(USERS.second);
    pages.push(
      [blind, `/runs/${hostile.runId}`],
      [blind, `/runs/${hostile.runId}/indicators/${hostile.code}`],
    );
    const viewer = await loggedIn(USERS.viewer);
    pages.push(
      [viewer, `/runs/${demoRunId}/indicators/${encodeURIComponent(demoCode)}`],
      [viewer, '/admin/users'],
    );

    const failures: string[] = [];
    for (const [page, path] of pages) {
      await page.goto(server.url + path);
      await page.waitForLoadState('load');
      const axe = await runAxe(page);
      for (const v of axe.violations) {
        failures.push(
          `${path}: ${v.ruleId} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.selector).join(', ')}`,
        );
      }
    }
    expect(failures).toEqual([]);
    for (const page of [anonymous, admin, blind, viewer]) await page.context().close();
  }, 400_000);

  it('shows a hostile captured page without running it or letting it navigate or post', async () => {
    const page = await loggedIn(USERS.viewer);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const indicatorUrl = `${server.url}/runs/${hostile.runId}/indicators/${hostile.code}`;
    await page.goto(indicatorUrl);
    const frameElement = page.locator(`iframe[src="/captures/${hostile.htmlHash}"]`);
    expect(await frameElement.getAttribute('sandbox')).toBe('');
    await frameElement.scrollIntoViewIfNeeded();
    const frame = await (await frameElement.elementHandle())!.contentFrame();
    expect(frame).not.toBeNull();
    await frame!.waitForLoadState('load');
    expect(await frame!.locator('h1').textContent()).toBe('Contact the city');

    // Longer than the meta refresh delay (1 s).
    await page.waitForTimeout(2500);
    await frame!.locator('#evil-submit').click();
    await frame!.locator('#evil-top').click();
    await page.waitForTimeout(1000);

    expect(page.url()).toBe(indicatorUrl);
    expect(frame!.url()).toBe(`${server.url}/captures/${hostile.htmlHash}`);
    const html = frame!.locator('html');
    expect(await html.getAttribute('data-pwned')).toBeNull();
    expect(await frame!.locator('body').getAttribute('data-pwned-onload')).toBeNull();
    expect(await frame!.locator('body').getAttribute('data-pwned-onerror')).toBeNull();
    expect(await frame!.title()).toBe('Hostile page');
    expect(dialogs).toEqual([]);
    // Nothing the page tried reached the app: no POST, no refresh, no top navigation, no nested app frame.
    const fromCapture = requests.filter((r) => !r.includes('/static/') && !r.includes('/evidence/'));
    expect(fromCapture.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(fromCapture.filter((r) => /refreshed|pwned|\/admin\/users|\/logout/.test(r))).toEqual([]);
    // Still logged in: the form posting to /logout did not go anywhere.
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/');

    // Opened alone (top-level), the capture is still sandboxed by its CSP.
    await page.goto(`${server.url}/captures/${hostile.htmlHash}`);
    await page.waitForTimeout(2500);
    expect(page.url()).toBe(`${server.url}/captures/${hostile.htmlHash}`);
    expect(await page.title()).toBe('Hostile page');
    expect(await page.locator('html').getAttribute('data-pwned')).toBeNull();
    expect(requests.filter((r) => /refreshed|pwned/.test(r))).toEqual([]);
    await page.context().close();
  });

  it('serves the evidence element highlighted, rendered offline and cached', async () => {
    const page = await loggedIn(USERS.viewer);
    await page.goto(`${server.url}/runs/${hostile.runId}/indicators/${hostile.code}`);
    const src = await page.locator('img[src^="/evidence/"]').first().getAttribute('src');
    expect(src).toMatch(/^\/evidence\/\d+\/highlight$/);
    const first = await page.request.get(server.url + src!);
    expect(first.status()).toBe(200);
    expect(first.headers()['content-type']).toBe('image/jpeg');
    const bytes = await first.body();
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const again = await page.request.get(server.url + src!);
    expect(Buffer.compare(await again.body(), bytes)).toBe(0);
    const cached = server.store.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM highlight_shots`);
    expect(cached?.n).toBeGreaterThanOrEqual(1);
    await page.context().close();
  });
});
