import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, repositories, type Store } from '../../db/index.ts';
import { Recorder } from '../../queue/recorder.ts';
import { runSiteJob } from '../../queue/run-site-job.ts';
import { buildLinkPrioritizer, getCatalog } from '../../rules/index.ts';

const losi2024 = getCatalog('losi-2024');

import { catalogOption } from '../../src/cli/commands/campaign/scoring-actions.ts';
import { type Catalog, defineRule } from '../../src/core/index.ts';
import { PORTALS_ROOT, type StartedPortal, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import { evaluateRun } from '../../src/pipeline/evaluate-run.ts';
import { rescoreCampaign } from '../../src/scoring/rescore.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';
import { countingProxy, recordConnections } from './network-guards.ts';

const GUARD = fileURLToPath(new URL('./no-network.mjs', import.meta.url));
const PORTALS = ['demo', 'fr-ville'] as const;
const PRIVACY = '234';

/** The privacy-policy rule, "changed": version 2 accepts any home page as a privacy policy. */
function withChangedPrivacyRule(catalog: Catalog): Catalog {
  const rules = catalog.rules.map((rule) =>
    rule.meta.code === PRIVACY
      ? defineRule({
          meta: { ...rule.meta, version: rule.meta.version + 1 },
          detect: (site) => ({
            outcome: 'met',
            confidence: 0.9,
            evidence: [{ pageUrl: site.home?.finalUrl ?? site.target.url, kind: 'text' }],
            message: 'Rule v2: every portal has a privacy policy.',
          }),
        })
      : rule,
  );
  return { ...catalog, version: `${catalog.version}+privacy-v2`, rules };
}

describe('campaign rescore: rules over stored captures, nothing fetched', () => {
  const work = tempWorkdir('pa-rescore-');
  const dbFile = work.path('campaign.db');
  let store: Store;
  const portals: StartedPortal[] = [];
  const proxies: Awaited<ReturnType<typeof countingProxy>>[] = [];
  const runIds: number[] = [];

  beforeAll(async () => {
    store = openStore(dbFile);
    const repos = repositories(store);
    const recorder = new Recorder(store);
    const campaignId = repos.campaigns.create({ name: 'riverton-2026', catalogId: losi2024.id });
    for (const name of PORTALS) {
      const portal = await startPortal(join(PORTALS_ROOT, name));
      portals.push(portal);
      const origin = new URL(portal.origin);
      const proxy = await countingProxy({ host: origin.hostname, port: Number(origin.port) });
      proxies.push(proxy);
      const url = `${proxy.origin}${new URL(portal.home).pathname}`;
      const runId = recorder.startRun({
        target: {
          url,
          level: 'city',
          country: name === 'demo' ? 'Riverland' : 'France',
          city: portal.truth.title,
        },
        campaignId,
        catalogId: losi2024.id,
      });
      runIds.push(runId);
      await runSiteJob(
        {
          campaignId,
          targetId: recorder.targetIdOfRun(runId),
          runId,
          url,
          level: 'city',
          catalog: losi2024.id,
          budget: { maxPages: 40, maxDepth: 4, maxSeconds: 0 },
          render: 'none',
          allowPrivate: true,
        },
        { sink: recorder, linkHints: buildLinkPrioritizer(losi2024) },
      );
      evaluateRun(store, recorder, runId, losi2024);
      expect(proxy.connections()).toBeGreaterThan(0);
    }
  }, 120_000);

  afterAll(async () => {
    store?.close();
    await Promise.all([...proxies.map((p) => p.close()), ...portals.map((p) => p.close())]);
    work.cleanup();
  });

  const proxyHits = () => proxies.map((p) => p.connections());

  it('re-runs a changed rule over the stored captures and stores the new scores, with zero connections', () => {
    const repos = repositories(store);
    const before = runIds.map((id) => repos.evaluations.latestResults(id));
    const privacyBefore = before.map((results) => results.find((r) => r.code === PRIVACY)?.outcome);
    // The fixtures have a privacy page, but the HTTP-only crawl leaves at least one portal short of "met".
    expect(privacyBefore).not.toEqual(['met', 'met']);
    const hitsBefore = proxyHits();

    const net = recordConnections();
    let outcome: ReturnType<typeof rescoreCampaign>;
    try {
      outcome = rescoreCampaign(store, 'riverton-2026', { catalog: withChangedPrivacyRule(losi2024) });
    } finally {
      net.restore();
    }
    expect(net.attempts).toEqual([]);
    expect(proxyHits()).toEqual(hitsBefore);

    expect(outcome.evaluations).toBe(2);
    expect(outcome.changes).toEqual(
      runIds.flatMap((runId, i) =>
        privacyBefore[i] === 'met' ? [] : [{ runId, code: PRIVACY, from: privacyBefore[i], to: 'met' }],
      ),
    );

    const stored = repos.scores.get(outcome.scoreSetId);
    expect(stored?.trigger).toBe('rescore');
    runIds.forEach((runId, i) => {
      const evaluation = repos.evaluations.latestForRun(runId);
      expect(evaluation?.catalogVersion).toBe(`${losi2024.version}+privacy-v2`);
      expect(evaluation?.results.find((r) => r.code === PRIVACY)).toMatchObject({
        outcome: 'met',
        ruleVersion: 2,
      });
      const row = stored?.portals.find((p) => p.runId === runId);
      // Hand-computed from the previous evaluation: the privacy indicator is now met (and assessed).
      const prev = (before[i] ?? []).filter((r) => r.code !== PRIVACY);
      const met = prev.filter((r) => r.outcome === 'met').length + 1;
      const assessed = prev.filter((r) => r.outcome !== 'not_applicable' && r.outcome !== 'error').length + 1;
      expect(row).toMatchObject({
        met,
        assessed,
        evaluationId: evaluation?.id,
        catalogVersion: `${losi2024.version}+privacy-v2`,
      });
      expect(row?.value).toBeCloseTo(met / assessed, 12);
      expect(row?.inputs.find((x) => x.code === PRIVACY)).toMatchObject({ value: 'met' });
    });
  });

  it('rescores, exports and diffs from the command line without a single connection', async () => {
    const log = work.path('network.log');
    const hitsBefore = proxyHits();
    const env = { NODE_OPTIONS: `--import ${GUARD}`, PA_NETWORK_LOG: log };
    const rescore = await runCli(['campaign', 'rescore', 'riverton-2026', '--db', dbFile], env);
    expect(rescore.stderr).toBe('');
    expect(rescore.code).toBe(0);
    expect(rescore.stdout).toMatch(
      /Rescored campaign "riverton-2026": 2 portal\(s\) re-evaluated from stored captures/,
    );
    expect(rescore.stdout).toContain('needs_review counts as not met');
    // Back on the catalog the tool ships: the privacy rule's original verdict returns.
    const reverted = (await import('../../db/index.ts')).repositories(store).evaluations;
    const changedBack = runIds.filter(
      (id) => reverted.latestResults(id).find((r) => r.code === PRIVACY)?.outcome !== 'met',
    );
    expect(changedBack.length).toBeGreaterThan(0);
    expect(rescore.stdout).toContain(
      `Automated outcomes changed since the previous evaluation: ${changedBack.length} on ${changedBack.length} portal(s).`,
    );
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(proxyHits()).toEqual(hitsBefore);

    const csvFile = work.path('wide.csv');
    const exported = await runCli(
      ['campaign', 'export', 'riverton-2026', '--format', 'csv', '--out', csvFile, '--db', dbFile],
      env,
    );
    expect(exported.code).toBe(0);
    const rows = parse(readFileSync(csvFile, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.country).sort()).toEqual(['France', 'Riverland']);
    expect(rows.every((r) => r.catalog === 'losi-2024' && r.total !== '' && r.IF !== undefined)).toBe(true);
    // Posture columns, judged again from the captures without the network: plain-http portals fail security.
    expect(rows.map((r) => r.security)).toEqual(['fail', 'fail']);
    expect(rows.every((r) => ['pass', 'attention', 'fail', 'unknown'].includes(r.speed ?? ''))).toBe(true);

    const long = await runCli(
      ['campaign', 'export', 'riverton-2026', '--format', 'json', '--table', 'long', '--db', dbFile],
      env,
    );
    const json = JSON.parse(long.stdout);
    expect(json.wide).toBeUndefined();
    expect(json.long.length).toBe(2 * losi2024.entries.length);

    const diff = await runCli(['campaign', 'diff', 'riverton-2026', 'riverton-2026', '--db', dbFile], env);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('2 portal(s) in both: 0 changed, 2 unchanged.');
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(proxyHits()).toEqual(hitsBefore);
  }, 120_000);

  it('says which campaign or catalog it could not find', async () => {
    const missing = await runCli(['campaign', 'export', 'nope', '--format', 'json', '--db', dbFile]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No campaign named "nope"');
    expect(catalogOption('losi-2024')).toBe(losi2024);
    expect(() => catalogOption('losi-2024@1999')).toThrow(/cannot be re-run/);
    expect(() => catalogOption('nope')).toThrow(/Unknown catalog "nope". Known catalogs: .*losi-2024@/);
  }, 60_000);
});
