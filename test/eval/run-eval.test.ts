import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, defineRule, type Method, type Rule, type RuleOutcome } from '../../src/core/index.ts';
import type { EvalReport } from '../../src/eval/eval-types.ts';
import { runEval } from '../../src/eval/run-eval.ts';
import { PORTALS_ROOT, type PortalTruth, readPortalTruth } from '../../src/fixture-server/portal-fixture.ts';

/**
 * A fixed catalog of rules with constant answers, so the expected counts follow from the portals' labels alone
 * and do not move when the real rules change. The crawl, the store and the engine are the real ones.
 */
function constantRule(
  code: string,
  method: Method,
  outcome: RuleOutcome | 'throw',
  confidence: number,
): Rule {
  return defineRule({
    meta: {
      id: `eval-test/${code}-constant`,
      code,
      criterion: 'T',
      title: `constant ${outcome}`,
      definition: 'test rule',
      method,
      requires: ['pages'],
      version: 1,
    },
    detect(site) {
      if (outcome === 'throw') throw new Error('rule failed on purpose');
      const pageUrl = site.home?.url ?? site.target.url;
      const evidence =
        outcome === 'not_applicable' ? [] : [{ pageUrl, kind: 'text' as const, snippet: 'home' }];
      return { outcome, confidence, evidence, message: `always ${outcome}` };
    },
  });
}

const RULES = [
  constantRule('214', 'auto', 'met', 0.95),
  constantRule('234', 'heuristic', 'needs_review', 0.5),
  constantRule('206', 'auto', 'not_met', 0.8),
  constantRule('212', 'manual', 'not_applicable', 0),
  constantRule('240', 'heuristic', 'throw', 0),
  constantRule('999', 'auto', 'met', 0.99),
];

const CATALOG: Catalog = {
  id: 'eval-test',
  version: '1',
  title: 'eval test catalog',
  level: 'city',
  criteria: [{ code: 'T', name: 'Test', weight: 1, inferred: true }],
  thresholds: [{ level: 'low', min: 0 }],
  entries: RULES.map((r) => ({
    code: r.meta.code,
    criterion: r.meta.criterion,
    title: r.meta.title,
    definition: r.meta.definition,
    method: r.meta.method,
    ruleId: r.meta.id,
  })),
  rules: RULES,
  notes: [],
};

const PORTALS = ['demo', 'en-national-min'] as const;

describe('runEval over two fixture portals with a fixed catalog (real HTTP, crawl, SQLite, engine)', () => {
  let report: EvalReport;
  const truths: PortalTruth[] = [];
  const keepDir = mkdtempSync(join(tmpdir(), 'pa-eval-keep-'));
  afterAll(() => rmSync(keepDir, { recursive: true, force: true }));
  const labelled = (code: string, met: boolean) =>
    truths.filter((t) => t.indicators[code]?.met === met).length;

  beforeAll(async () => {
    for (const name of PORTALS) truths.push(await readPortalTruth(join(PORTALS_ROOT, name)));
    report = await runEval({
      targets: PORTALS.map((name) => ({ dir: join(PORTALS_ROOT, name) })),
      render: 'none',
      maxPages: 12,
      catalog: CATALOG,
      keepDir,
    });
  }, 180_000);

  it('the chosen codes are labelled both ways across the two portals', () => {
    for (const code of ['214', '234', '206', '240']) {
      expect(labelled(code, true) + labelled(code, false), code).toBe(2);
    }
    for (const t of truths) expect(t.indicators['999']).toBeUndefined();
  });

  it('counts every indicator from the labels', () => {
    const row = (code: string) => report.byIndicator.find((r) => r.code === code)!.counts;
    expect(row('214')).toMatchObject({ tp: labelled('214', true), fp: labelled('214', false), fn: 0, tn: 0 });
    expect(row('234')).toMatchObject({
      tp: 0,
      fp: 0,
      fn: labelled('234', true),
      tn: labelled('234', false),
      needsReview: 2,
    });
    expect(row('206')).toMatchObject({ tp: 0, fp: 0, fn: labelled('206', true), tn: labelled('206', false) });
    expect(row('212')).toMatchObject({ tp: 0, fp: 0, fn: 0, tn: 0, notAssessed: 2 });
    expect(row('240')).toMatchObject({ fn: labelled('240', true), tn: labelled('240', false), errors: 2 });
    expect(row('999')).toMatchObject({ labelled: 0, unlabelled: 2 });
  });

  it('sums per method and overall', () => {
    const { auto, heuristic, manual } = report.byMethod;
    expect(auto).toMatchObject({
      tp: labelled('214', true),
      fp: labelled('214', false),
      fn: labelled('206', true),
      tn: labelled('206', false),
      unlabelled: 2,
    });
    expect(heuristic).toMatchObject({ tp: 0, fp: 0, fn: labelled('234', true) + labelled('240', true) });
    expect(manual).toMatchObject({ notAssessed: 2, precision: null, recall: null });
    expect(report.overall.labelled).toBe(10);
    const tp = labelled('214', true);
    expect(report.overall.precision).toBe(tp / 2);
  });

  it('reports calibration of confident met answers and lists every wrong answer with evidence', () => {
    expect(report.calibration).toMatchObject({ count: 2, right: labelled('214', true) });
    const expectedWrong =
      labelled('214', false) + labelled('234', true) + labelled('206', true) + labelled('240', true);
    expect(report.wrong).toHaveLength(expectedWrong);
    const falseAlarm = report.wrong.find((w) => w.verdict === 'FP')!;
    expect(falseAlarm).toMatchObject({ code: '214', outcome: 'met', truth: false });
    expect(falseAlarm.evidence[0]).toMatchObject({ page: '/', kind: 'text', snippet: 'home' });
    expect(report.wrong.find((w) => w.code === '240')?.message).toMatch(/failed on purpose/);
  });

  it('summarises each portal and names labels the catalog has no rule for', () => {
    expect(report.portals.map((p) => p.portal)).toEqual([...PORTALS]);
    for (const p of report.portals) {
      expect(p.catalog).toBe('eval-test');
      expect(p.pages).toBeGreaterThan(1);
      expect(p.pages).toBeLessThanOrEqual(12);
      expect(p.counts.labelled).toBe(5);
      expect(p.labelsWithoutRule).toContain('204');
      expect(p.labelsWithoutRule).not.toContain('214');
    }
  });

  it('keeps each evidence store with --keep and judges it again without crawling with --rejudge', async () => {
    for (const name of PORTALS) expect(existsSync(join(keepDir, name, 'evidence.db'))).toBe(true);
    const again = await runEval({
      targets: PORTALS.map((name) => ({ dir: join(PORTALS_ROOT, name) })),
      render: 'none',
      catalog: CATALOG,
      keepDir,
      rejudge: true,
    });
    expect(again.options.rejudge).toBe(true);
    expect(again.byIndicator).toEqual(report.byIndicator);
    expect(again.portals.map((p) => p.pages)).toEqual(report.portals.map((p) => p.pages));
    expect(again.wrong.find((w) => w.verdict === 'FP')?.evidence[0]?.page).toBe('/');
  });

  it('refuses --rejudge without kept captures', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pa-eval-empty-'));
    try {
      await expect(
        runEval({
          targets: [{ dir: join(PORTALS_ROOT, 'demo') }],
          render: 'none',
          catalog: CATALOG,
          keepDir: empty,
          rejudge: true,
        }),
      ).rejects.toThrow(/no evidence store/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
