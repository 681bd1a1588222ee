import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Repositories, repositories } from '../../db/index.ts';
import { ScoreWriter } from '../../queue/recorder/score-writes.ts';
import { InvalidRecordError } from '../../queue/recorder.ts';
import type { Catalog } from '../../src/core/index.ts';
import { resolveCampaign } from '../../src/scoring/campaign-runs.ts';
import { type CampaignScores, computeCampaignScores, toScoreSet } from '../../src/scoring/campaign-scores.ts';
import { diffCampaigns } from '../../src/scoring/diff.ts';
import { formatDiffText } from '../../src/scoring/diff-text.ts';
import { campaignCsv, campaignJson } from '../../src/scoring/export/export-format.ts';
import { scoreSite } from '../../src/scoring/losi-score.ts';
import { recordRunScore, scoreRun } from '../../src/scoring/run-score.ts';
import { createTestStore, type TestStore } from '../helpers/test-db.ts';
import { cityCatalog, nationalCatalog } from './catalogs.ts';
import { seedCampaign } from './seed-campaign.ts';

const city: Catalog = cityCatalog();
// A title that needs CSV quoting (comma and double quote).
city.entries = city.entries.map((e) => (e.code === 'c1' ? { ...e, title: 'Budget, "open" data' } : e));
const national = nationalCatalog();
const CATALOGS: Record<string, Catalog> = { [city.id]: city, [national.id]: national };
const catalogFor = (run: { catalogId: string }, _t: unknown, ev: { catalogId: string } | null) =>
  CATALOGS[ev?.catalogId ?? run.catalogId] as Catalog;

const ALPHA = {
  target: {
    url: 'https://alpha.example/',
    level: 'city' as const,
    country: 'France',
    city: 'Saint-Denis, Réunion',
  },
  outcomes: {
    i1: 'met',
    i2: 'met',
    i3: 'not_met',
    c1: 'met',
    c2: 'needs_review',
    c3: 'not_applicable',
    s1: 'error',
    s2: 'met',
  } as const,
  reviews: [
    { code: 'c2', toValue: 'met' as const, reviewer: 'ana' },
    { code: 'i3', toValue: 'met' as const, reviewer: 'ben' },
    { code: 'i3', toValue: 'not_met' as const, reviewer: 'carla' }, // the latest review is in force
  ],
  evidenceUrl: 'https://alpha.example/a,b?x="1"',
};
const BETA = {
  target: { url: 'https://beta.example/', level: 'city' as const, country: 'Chile', city: '=HYPERLINK("x")' },
  outcomes: {
    i1: 'met',
    i2: 'met',
    i3: 'met',
    c1: 'met',
    c2: 'met',
    c3: 'met',
    s1: 'met',
    s2: 'not_met',
  } as const,
};
const GAMMA = {
  target: { url: 'https://gamma.example/', level: 'city' as const, country: 'Kenya', city: 'Nairobi' },
  outcomes: { i1: 'not_applicable', c1: 'not_applicable' } as const,
};
const N1 = {
  target: { url: 'https://gov.one.example/', level: 'national' as const, country: 'One' },
  outcomes: { m1a: 'met', m1b: 'met', m1c: 'not_met', m1d: 'not_met', m2a: 'met' } as const,
};
const N3 = {
  target: { url: 'https://gov.three.example/', level: 'national' as const, country: 'Three' },
  outcomes: { m1a: 'met', m1b: 'not_met', m1c: 'not_met', m1d: 'not_met', m2a: 'not_met' } as const,
};

describe('campaign scores from the store', () => {
  let t: TestStore;
  let repos: Repositories;
  let scores: CampaignScores;
  let alphaRun: number;
  let nationalRuns: number[];

  beforeEach(() => {
    t = createTestStore();
    repos = repositories(t.store);
    const seeded = seedCampaign(t.store, 'survey-2024', city, [ALPHA, BETA, GAMMA]);
    nationalRuns = seedCampaign(t.store, 'survey-2024', national, [N1, N3]).portals.map((p) => p.runId);
    alphaRun = seeded.portals[0]?.runId as number;
    scores = computeCampaignScores(repos, resolveCampaign(repos, 'survey-2024'), { catalogFor });
  });
  afterEach(() => t.cleanup());

  it('takes the latest review, else the automated outcome, and scores the final values', () => {
    const alpha = scores.portals.find((p) => p.target.url === ALPHA.target.url);
    const byCode = new Map(alpha?.finals.map((f) => [f.code, f]));
    expect(byCode.get('c2')).toMatchObject({
      outcome: 'met',
      decidedBy: 'review',
      review: { reviewer: 'ana' },
    });
    expect(byCode.get('c2')?.automated?.outcome).toBe('needs_review');
    expect(byCode.get('i3')).toMatchObject({
      outcome: 'not_met',
      decidedBy: 'review',
      review: { reviewer: 'carla' },
    });
    expect(byCode.get('i1')).toMatchObject({ outcome: 'met', decidedBy: 'automated', review: null });
    // IF 2/3, CP 2/2 (c2 reviewed met, c3 n/a), SP 1/1 (s1 error not assessed): 5/6.
    expect(alpha?.score).toMatchObject({ met: 5, assessed: 6, level: 'very_high', needsReview: 0 });
    expect(alpha?.score.value).toBeCloseTo(5 / 6, 12);
    const gamma = scores.portals.find((p) => p.target.url === GAMMA.target.url);
    expect(gamma?.score).toMatchObject({ value: null, level: null });
    const [n1, n3] = ['https://gov.one.example/', 'https://gov.three.example/'].map(
      (u) => scores.portals.find((p) => p.target.url === u)?.score,
    );
    expect(n1).toMatchObject({ method: 'osi', relative: 1, level: 'very_high' });
    expect(n3).toMatchObject({ method: 'osi', relative: 0, level: 'low' });
  });

  it('stores a score set that names its catalog version, policy, evaluation, results and reviews', () => {
    const id = new ScoreWriter(t.store).recordScoreSet(toScoreSet(scores, 'test'));
    const stored = repos.scores.latestForCampaign(scores.campaign.id);
    expect(stored?.id).toBe(id);
    expect(stored).toMatchObject({
      trigger: 'test',
      policy: { needsReview: 'not_met', error: 'exclude' },
      policyText: scores.policyText,
    });
    expect(stored?.cohorts.find((c) => c.catalogId === 'test-osi')).toMatchObject({ method: 'osi', size: 2 });
    const alpha = stored?.portals.find((p) => p.runId === alphaRun);
    const evaluation = repos.evaluations.latestForRun(alphaRun);
    expect(alpha).toMatchObject({
      catalogId: 'test-losi',
      catalogVersion: 't1',
      evaluationId: evaluation?.id,
      met: 5,
      assessed: 6,
    });
    const reviews = repos.reviews.listForRun(alphaRun);
    const i3 = alpha?.inputs.find((i) => i.code === 'i3');
    expect(i3).toEqual({
      code: 'i3',
      value: 'not_met',
      resultId: evaluation?.results.find((r) => r.code === 'i3')?.resultId,
      reviewId: reviews.at(-1)?.id,
    });
    // Explainable: the stored inputs and the catalog recompute the stored value.
    const criterionOf = new Map(city.entries.map((e) => [e.code, e.criterion]));
    const recomputed = scoreSite(
      city,
      (alpha?.inputs ?? []).map((i) => ({
        code: i.code,
        criterion: criterionOf.get(i.code) ?? '',
        outcome: i.value,
      })),
      stored?.policy,
    );
    expect(recomputed.value).toBe(alpha?.value);

    // A second scoring is a new set; the first stays.
    new ScoreWriter(t.store).recordScoreSet(toScoreSet(scores, 'again'));
    expect(repos.scores.listForCampaign(scores.campaign.id).map((s) => s.trigger)).toEqual(['test', 'again']);
    expect(repos.scores.listForRun(alphaRun)).toHaveLength(2);
  });

  it('scores one run alone, placing an OSI portal in the cohort of the latest stored score set', () => {
    const [n1, n3] = nationalRuns as [number, number];
    // No stored cohort yet: the absolute share, and why there is no relative value.
    expect(scoreRun(repos, n3, { catalog: national }).score).toMatchObject({
      relative: null,
      relativeStatus: 'cohort_of_one',
    });
    new ScoreWriter(t.store).recordScoreSet(toScoreSet(scores, 'test'));
    // A review lifts m1b to met: raw (2·0.5 + 0) ÷ 3 = 1/3, relative (1/3 − 1/6) ÷ (2/3 − 1/6) = 1/3.
    repos.reviews.append({ runId: n3, code: 'm1b', reviewer: 'ana', toValue: 'met' });
    const n3Score = scoreRun(repos, n3, { catalog: national }).score;
    expect(n3Score.value).toBeCloseTo(1 / 3, 12);
    expect(n3Score.relative).toBeCloseTo(1 / 3, 12);
    expect(n3Score).toMatchObject({ relativeStatus: 'ok', level: 'middle', levelBasis: 'relative' });
    expect(scoreRun(repos, n1, { catalog: national }).score).toMatchObject({
      relative: 1,
      level: 'very_high',
    });
    expect(scoreRun(repos, alphaRun, { catalog: city }).score).toMatchObject({
      method: 'losi',
      met: 5,
      assessed: 6,
    });
  });

  it('stores the score of a single run (a self-audit) as its own score set', () => {
    const id = recordRunScore(t.store, alphaRun, city);
    const stored = repos.scores.get(id);
    expect(stored).toMatchObject({ trigger: 'audit', campaignId: scores.campaign.id, cohorts: [] });
    expect(stored?.portals).toHaveLength(1);
    expect(stored?.portals[0]).toMatchObject({ runId: alphaRun, met: 5, assessed: 6, catalogVersion: 't1' });
    expect(stored?.portals[0]?.inputs.filter((i) => i.reviewId !== null).map((i) => i.code)).toEqual([
      'i3',
      'c2',
    ]);
  });

  it('refuses an invalid score set', () => {
    const set = toScoreSet(scores, 'test');
    const writer = new ScoreWriter(t.store);
    expect(() => writer.recordScoreSet({ ...set, portals: [...set.portals, set.portals[0]!] })).toThrow(
      InvalidRecordError,
    );
    expect(() => writer.recordScoreSet({ ...set, portals: [{ ...set.portals[0]!, value: 1.5 }] })).toThrow(
      InvalidRecordError,
    );
    expect(repos.scores.latestForCampaign(scores.campaign.id)).toBeNull();
  });

  it('exports the wide table as CSV with a header, proper quoting and no live formulas', () => {
    const csv = campaignCsv(scores, 'wide');
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'campaign',
      'round',
      'country',
      'city',
      'level',
      'url',
      'run_id',
      'outcome',
      'catalog',
      'catalog_version',
      'evaluation_id',
      'method',
      'IF',
      'CP',
      'SP',
      'M1',
      'M2',
      'met',
      'assessed',
      'needs_review',
      'total',
      'relative',
      'score_level',
      'level_basis',
      'policy',
    ]);
    expect(rows).toHaveLength(5);
    const alpha = rows.find((r) => r.url === ALPHA.target.url);
    expect(alpha).toMatchObject({
      city: 'Saint-Denis, Réunion',
      level: 'city',
      outcome: 'ok',
      IF: '0.666667',
      CP: '1',
      SP: '1',
      M1: '',
      total: '0.833333',
      relative: '',
      score_level: 'very_high',
      policy: 'needs_review=not_met;error=exclude',
    });
    expect(csv).toContain('"Saint-Denis, Réunion"');
    const beta = rows.find((r) => r.url === BETA.target.url);
    expect(beta?.city).toBe(`'=HYPERLINK("x")`);
    expect(rows.find((r) => r.url === GAMMA.target.url)).toMatchObject({
      total: '',
      score_level: '',
      assessed: '0',
    });
    expect(rows.find((r) => r.country === 'Three')).toMatchObject({
      method: 'osi',
      relative: '0',
      M1: '0.25',
      M2: '0',
      level_basis: 'relative',
    });
  });

  it('exports the long table (portal × indicator) with final value, who decided and the evidence URL', () => {
    const rows = parse(campaignCsv(scores, 'long'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(8 + 8 + 2 + 5 + 5);
    const c2 = rows.find((r) => r.url === ALPHA.target.url && r.code === 'c2');
    expect(c2).toMatchObject({
      outcome: 'needs_review',
      method: 'auto',
      confidence: '0.9',
      final_value: 'met',
      decided_by: 'review',
      reviewer: 'ana',
    });
    const c1 = rows.find((r) => r.url === ALPHA.target.url && r.code === 'c1');
    expect(c1).toMatchObject({
      title: 'Budget, "open" data',
      decided_by: 'automated',
      reviewer: '',
      evidence_url: ALPHA.evidenceUrl,
    });
    expect(Number(c1?.result_id)).toBeGreaterThan(0);
  });

  it('exports JSON with provenance, both tables and the distribution of totals and levels', () => {
    const json = JSON.parse(JSON.stringify(campaignJson(scores)));
    expect(json).toMatchObject({
      format: 'portal-audit/campaign-export',
      version: 1,
      campaign: { name: 'survey-2024', round: null },
      policy: { needs_review: 'not_met', error: 'exclude', key: 'needs_review=not_met;error=exclude' },
      summary: { portals: 5, levels: { very_high: 3, high: 0, middle: 0, low: 1, none: 1 } },
    });
    expect(json.catalogs.map((c: { id: string; method: string }) => [c.id, c.method])).toEqual([
      ['test-losi', 'losi'],
      ['test-osi', 'osi'],
    ]);
    expect(json.summary.totals_histogram).toHaveLength(10);
    expect(json.summary.totals_histogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(4);
    expect(json.wide).toHaveLength(5);
    expect(json.wide[0].criteria).toMatchObject({ IF: 2 / 3, CP: 1, SP: 1 });
    expect(json.long).toHaveLength(28);
  });

  it('diffs two campaigns per portal: changed indicators, score deltas, portals on one side only', () => {
    seedCampaign(t.store, 'survey-2025', city, [
      { ...ALPHA, outcomes: { ...ALPHA.outcomes, s2: 'not_met' }, reviews: [{ code: 'c2', toValue: 'met' }] },
      BETA,
      // Gamma moved to a new address: matched by level, country and city.
      { ...GAMMA, target: { ...GAMMA.target, url: 'https://new-gamma.example/' }, outcomes: { i1: 'met' } },
      {
        target: { url: 'https://zeta.example/', level: 'city', country: 'Peru', city: 'Lima' },
        outcomes: { i1: 'met' },
      },
    ]);
    const later = computeCampaignScores(repos, resolveCampaign(repos, 'survey-2025'), { catalogFor });
    const diff = diffCampaigns(scores, later);
    const alpha = diff.portals.find((p) => p.url === ALPHA.target.url);
    // 2025: i3 has no review any more (not_met automated), s2 not_met: IF 2/3, CP 2/2, SP 0/1 → 4/6.
    expect(alpha?.changed).toEqual([{ code: 's2', title: 'Indicator s2', a: 'met', b: 'not_met' }]);
    expect(alpha?.total_delta).toBeCloseTo(4 / 6 - 5 / 6, 12);
    expect(alpha).toMatchObject({ level_changed: true, a: { level: 'very_high' }, b: { level: 'high' } });
    expect(alpha?.criteria.SP).toEqual({ a: 1, b: 0, delta: -1 });
    expect(diff.portals.find((p) => p.url === BETA.target.url)).toMatchObject({
      changed: [],
      total_delta: 0,
    });
    const gamma = diff.portals.find((p) => p.url === 'https://new-gamma.example/');
    expect(gamma?.changed).toEqual(
      [
        { code: 'i1', title: 'Indicator i1', a: 'not_applicable', b: 'met' },
        { code: 'c1', title: 'Budget, "open" data', a: 'not_applicable', b: null },
      ].sort((x, y) => x.code.localeCompare(y.code)),
    );
    expect(gamma).toMatchObject({ total_delta: null, a: { total: null }, b: { total: 1 } });
    expect(diff.only_in_a.map((p) => p.country).sort()).toEqual(['One', 'Three']);
    expect(diff.only_in_b.map((p) => p.url)).toEqual(['https://zeta.example/']);
    const text = formatDiffText(diff);
    expect(text).toContain('s2 Indicator s2: met → not met');
    expect(text).toContain('total 83.3 % → 66.7 % (-16.7 pts), level Very high → High');
    expect(text).toContain('3 portal(s) in both: 2 changed, 1 unchanged.');
  });

  it('selects one round with name@round and refuses unknown campaigns', () => {
    seedCampaign(t.store, 'survey-2024', city, [
      { ...ALPHA, outcomes: { i1: 'not_met' }, reviews: [], round: 2 },
    ]);
    const latest = computeCampaignScores(repos, resolveCampaign(repos, 'survey-2024'), { catalogFor });
    const round1 = computeCampaignScores(repos, resolveCampaign(repos, 'survey-2024@1'), { catalogFor });
    const round2 = computeCampaignScores(repos, resolveCampaign(repos, 'survey-2024@2'), { catalogFor });
    const alphaOf = (s: CampaignScores) => s.portals.find((p) => p.target.url === ALPHA.target.url);
    expect(alphaOf(latest)?.run.round).toBe(2);
    expect(alphaOf(round1)?.run.round).toBe(1);
    expect(round2.portals).toHaveLength(1);
    expect(round2.skipped.map((s) => s.reason)).toContain('no run in round 2');
    expect(() => resolveCampaign(repos, 'nope')).toThrow(/No campaign named "nope"/);
  });
});
