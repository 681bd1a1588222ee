import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, repositories, reviewAppRepositories } from '../../db/index.ts';
import { type RunningReviewServer, startReviewServer } from '../../src/server/start.ts';
import { Client } from './http-client.ts';
import { type HostileSeed, PASSWORD, seedHostileCampaign, seedUsers, USERS } from './seed.ts';

/** Decisions, the audit trail, blind second review, disagreements and agreement, over HTTP. */
describe('review workflow', () => {
  let dir: string;
  let server: RunningReviewServer;
  let seed: HostileSeed;
  const as: Record<keyof typeof USERS, Client> = {} as never;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pa-review-flow-'));
    const dbFile = join(dir, 'store.db');
    const store = openStore(dbFile);
    seed = seedHostileCampaign(store);
    await seedUsers(store);
    store.close();
    server = await startReviewServer({ dbFile, port: 0, highlight: false, sessionSecret: 'w'.repeat(40) });
    for (const role of Object.keys(USERS) as (keyof typeof USERS)[]) {
      as[role] = new Client(server.url);
      expect((await as[role].login(USERS[role], PASSWORD)).status).toBe(303);
    }
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const indicator = () => `/runs/${seed.runId}/indicators/${seed.code}`;

  async function decide(
    client: Client,
    value: string,
    note: string,
    action = 'decision',
    extra: Record<string, string> = {},
  ) {
    const page = await client.get(indicator());
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const resultId = /name="resultId" value="(\d+)"/.exec(page.text)?.[1] ?? '';
    return client.post(`${indicator()}/${action}`, { _csrf: token, resultId, value, note, ...extra });
  }

  it('records decisions append-only: the final value is the latest, the trail keeps every step', async () => {
    const first = await decide(as.assessor, 'met', 'Org chart image on /council/');
    expect(first.status).toBe(303);
    expect(first.location).toBe(indicator());
    let page = await as.assessor.get(indicator());
    expect(page.text).toContain('Saved: Met (was Needs review).');
    expect(page.text).toMatch(/id="final-value"><span class="badge badge-met">Met<\/span> decided by asa/);

    const second = await decide(as.assessor, 'not_applicable', 'Wrong page, actually', 'decision', {
      after: 'next',
    });
    expect(second.location).not.toBe(indicator()); // went on to the next indicator
    page = await as.viewer.get(indicator());
    expect(page.text).toMatch(/decided by asa/);
    const trail = page.text.slice(page.text.indexOf('Audit trail'));
    expect(trail).toContain('Org chart image on /council/');
    expect(trail).toContain('Wrong page, actually');
    const rows = repositories(server.store).reviews.listForRun(seed.runId);
    expect(rows.map((r) => [r.reviewer, r.fromValue, r.toValue, r.kind])).toEqual([
      ['asa', 'needs_review', 'met', 'review'],
      ['asa', 'met', 'not_applicable', 'review'],
    ]);
    expect(rows.every((r) => r.resultId !== null)).toBe(true);
    // Back to met for the next steps.
    await decide(as.assessor, 'met', 'Final: org chart found');
  });

  it('refuses a decision against an automated verdict the reviewer did not see', async () => {
    const page = await as.assessor.get(indicator());
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const stale = await as.assessor.post(`${indicator()}/decision`, {
      _csrf: token,
      resultId: '999999',
      value: 'met',
    });
    expect(stale.status).toBe(409);
    const bad = await as.assessor.post(`${indicator()}/decision`, { _csrf: token, value: 'needs_review' });
    expect(bad.status).toBe(400);
  });

  it('lets an admin assign a blind second assessor who does not see the first decisions', async () => {
    const bea = reviewAppRepositories(server.store).users.getByName(USERS.second)!;
    const runPage = await as.admin.get(`/runs/${seed.runId}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(runPage.text)![1]!;
    const assigned = await as.admin.post(`/runs/${seed.runId}/assignments`, {
      _csrf: token,
      userId: String(bea.id),
    });
    expect(assigned.status).toBe(303);

    const blindRun = await as.second.get(`/runs/${seed.runId}`);
    expect(blindRun.text).toContain('blind');
    expect(blindRun.text).toContain('Your blind decision');
    const blindPage = await as.second.get(indicator());
    for (const leak of [
      'Org chart image on /council/',
      'Final: org chart found',
      'decided by asa',
      'id="final-value"',
    ]) {
      expect(blindPage.text).not.toContain(leak);
    }
    const list = await as.second.get(`/campaigns/${seed.campaignId}`);
    expect(list.text).toContain('hidden (blind)');

    // A blind reviewer's decision goes to blind_reviews, never to reviews.
    const reviewsBefore = repositories(server.store).reviews.listForRun(seed.runId).length;
    const wrongForm = await decide(as.second, 'not_met', 'sneaky');
    expect(wrongForm.status).toBe(409);
    const ok = await decide(as.second, 'not_met', 'The chart is of another city', 'blind-decision');
    expect(ok.status).toBe(303);
    expect(repositories(server.store).reviews.listForRun(seed.runId)).toHaveLength(reviewsBefore);
    const blindRows = reviewAppRepositories(server.store).workflow.blindReviewsForRuns([seed.runId]);
    expect(blindRows.map((b) => [b.reviewer, b.code, b.toValue])).toEqual([
      [USERS.second, seed.code, 'not_met'],
    ]);
    const after = await as.second.get(indicator());
    expect(after.text).toContain('The chart is of another city');
    expect(after.text).not.toContain('Final: org chart found');
    // The first assessor cannot file blind decisions.
    expect((await decide(as.assessor, 'met', 'x', 'blind-decision')).status).toBe(409);
  });

  it('lists the disagreement for a reviewer, who resolves it into the final value', async () => {
    const list = await as.admin.get('/disagreements');
    expect(list.text).toContain(`/runs/${seed.runId}/indicators/${seed.code}`);
    expect(list.text).toMatch(/1 disagreement/);
    // The blind reviewer does not see it; a party to it cannot resolve it.
    expect((await as.second.get('/disagreements')).text).not.toContain(`/indicators/${seed.code}`);
    expect((await decide(as.assessor, 'met', 'mine', 'resolution')).status).toBe(403);

    const page = await as.admin.get(indicator());
    expect(page.text).toContain('Disagreement with the blind second review');
    expect(page.text).toContain('The chart is of another city');
    const resolved = await decide(as.admin, 'not_met', 'Checked: the chart shows the county', 'resolution');
    expect(resolved.status).toBe(303);
    const final = await as.viewer.get(indicator());
    expect(final.text).toMatch(
      /id="final-value"><span class="badge badge-not_met">Not met<\/span> decided by ada/,
    );
    expect(final.text).toContain('(resolution)');
    expect((await as.admin.get('/disagreements')).text).toContain('No disagreements (open)');
    expect((await as.admin.get('/disagreements?status=resolved')).text).toMatch(/1 disagreement/);
    const last = repositories(server.store).reviews.listForRun(seed.runId).at(-1);
    expect(last).toMatchObject({
      reviewer: USERS.admin,
      kind: 'resolution',
      fromValue: 'met',
      toValue: 'not_met',
    });
  });

  it('shows agreement statistics, leaving out the portals the viewer reviews blind', async () => {
    const page = await as.admin.get(`/agreement?scope=${seed.campaignId}`);
    const row = (label: string) => {
      const start = page.text.indexOf(`<th scope="row">${label}</th>`);
      return page.text.slice(start, page.text.indexOf('</tr>', start));
    };
    // First assessor said met, blind second not_met: one pair, no agreement, kappa 0.
    expect(row('Assessor vs blind second assessor')).toMatch(/<td>1<\/td><td>0 %<\/td><td>0.00<\/td>/);
    // Machine said needs_review for the reviewed indicator: no machine pair, one decided needs-review.
    expect(page.text).toContain('1 reviewed indicator(s) had no machine decision');
    const blind = await as.second.get(`/agreement?scope=${seed.campaignId}`);
    expect(blind.text).toContain('1 portal(s) you review blind are left out');
    expect(blind.text).toContain('Overall, over 0 runs');
  });

  it('lets an admin end an assignment; the blind decisions stay', async () => {
    const bea = reviewAppRepositories(server.store).users.getByName(USERS.second)!;
    const runPage = await as.admin.get(`/runs/${seed.runId}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(runPage.text)![1]!;
    const removed = await as.admin.post(`/runs/${seed.runId}/assignments/remove`, {
      _csrf: token,
      userId: String(bea.id),
    });
    expect(removed.status).toBe(303);
    expect(reviewAppRepositories(server.store).workflow.assignmentsForRuns([seed.runId])).toEqual([]);
    expect(reviewAppRepositories(server.store).workflow.blindReviewsForRuns([seed.runId])).toHaveLength(1);
    // An assessor cannot assign.
    const asaToken = await as.assessor.csrf(`/runs/${seed.runId}`);
    const refused = await as.assessor.post(`/runs/${seed.runId}/assignments`, {
      _csrf: asaToken,
      userId: String(bea.id),
    });
    expect(refused.status).toBe(403);
  });
});
