import { describe, expect, it } from 'vitest';
import { getCatalog } from '../../rules/index.ts';

const losi2024 = getCatalog('losi-2024');

import { scoreCohort, scorePortal } from '../../src/scoring/cohort-score.ts';
import { levelFor, scoreSite } from '../../src/scoring/losi-score.ts';
import { normaliseCohort } from '../../src/scoring/osi-score.ts';
import { DEFAULT_POLICY, describePolicy } from '../../src/scoring/score-policy.ts';
import { BANDS, cityCatalog, nationalCatalog, outcomes } from './catalogs.ts';

const city = cityCatalog();
const national = nationalCatalog();

// Hand-computed cohort (see each comment for the arithmetic).
const ALPHA = outcomes(city, {
  i1: 'met',
  i2: 'met',
  i3: 'not_met', // IF 2/3
  c1: 'met',
  c2: 'needs_review',
  c3: 'not_applicable', // CP 1/2 (needs_review = 0, n/a excluded)
  s1: 'error',
  s2: 'met', // SP 1/1 (error excluded)
}); // total 4/6
const BETA = outcomes(city, {
  i1: 'met',
  i2: 'met',
  i3: 'met',
  c1: 'met',
  c2: 'met',
  c3: 'met',
  s1: 'met',
  s2: 'not_met',
}); // total 7/8 = 0.875
const GAMMA = outcomes(city, {
  i1: 'not_met',
  i2: 'not_met',
  i3: 'not_met',
  c1: 'met',
  c2: 'not_applicable',
  s1: 'not_applicable',
}); // IF 0/3, CP 1/1, SP none: total 1/4 = 0.25 (middle, bound inclusive)
const EPSILON = outcomes(city, { i1: 'met', i2: 'met', i3: 'met', c1: 'not_met' }); // 3/4 = 0.75: high, not very high
const NOTHING = outcomes(city, { i1: 'not_applicable', c1: 'not_applicable', s1: 'not_applicable' });

describe('LOSI scores (absolute share)', () => {
  it('counts met ÷ assessed per criterion and in total, with levels from the catalog bands', () => {
    const alpha = scoreSite(city, ALPHA);
    expect(alpha.criteria).toEqual({
      IF: { met: 2, assessed: 3, value: 2 / 3 },
      CP: { met: 1, assessed: 2, value: 0.5 },
      SP: { met: 1, assessed: 1, value: 1 },
    });
    expect(alpha).toMatchObject({ met: 4, assessed: 6, level: 'high', needsReview: 1, flagged: ['c2'] });
    expect(alpha.value).toBeCloseTo(4 / 6, 12);
    expect(alpha.policy).toBe(describePolicy(DEFAULT_POLICY));
    expect(alpha.policy).toBe(
      'needs_review counts as not met; not_applicable is not assessed; errors are not assessed',
    );

    const beta = scoreSite(city, BETA);
    expect(beta).toMatchObject({ value: 0.875, met: 7, assessed: 8, level: 'very_high' });
    expect(beta.criteria.SP).toEqual({ met: 1, assessed: 2, value: 0.5 });

    const gamma = scoreSite(city, GAMMA);
    expect(gamma).toMatchObject({ value: 0.25, met: 1, assessed: 4, level: 'middle' });
    expect(gamma.criteria.SP).toEqual({ met: 0, assessed: 0, value: null });

    expect(scoreSite(city, EPSILON)).toMatchObject({ value: 0.75, level: 'high' });
  });

  it('gives a portal with nothing assessed no value and no level, not a zero', () => {
    const none = scoreSite(city, NOTHING);
    expect(none).toMatchObject({ value: null, level: null, met: 0, assessed: 0 });
    for (const c of Object.values(none.criteria)) expect(c).toEqual({ met: 0, assessed: 0, value: null });
    expect(scoreSite(city, [])).toMatchObject({ value: null, level: null });
  });

  it('applies the configured policy for needs_review and errors, and says so', () => {
    const excluded = scoreSite(city, ALPHA, { needsReview: 'exclude', error: 'exclude' });
    expect(excluded).toMatchObject({ met: 4, assessed: 5, value: 0.8, level: 'very_high', flagged: ['c2'] });
    expect(excluded.policy).toContain('needs_review is not assessed');

    const lenient = scoreSite(city, ALPHA, { needsReview: 'met', error: 'exclude' });
    expect(lenient).toMatchObject({ met: 5, assessed: 6 });

    const strict = scoreSite(city, ALPHA, { needsReview: 'not_met', error: 'not_met' });
    expect(strict).toMatchObject({ met: 4, assessed: 7 });
    expect(strict.criteria.SP).toEqual({ met: 1, assessed: 2, value: 0.5 });
    expect(strict.policy).toContain('errors count as not met');
  });

  it('weights each indicator by its criterion weight from the catalog', () => {
    // SP weight 3: (2·1 + 1·1 + 1·3) ÷ (3·1 + 2·1 + 1·3) = 6 ÷ 8.
    expect(scoreSite(cityCatalog({ SP: 3 }), ALPHA).value).toBe(0.75);
    // Weight 1 everywhere is the plain share.
    expect(scoreSite(cityCatalog({ IF: 1, CP: 1, SP: 1 }), ALPHA).value).toBeCloseTo(4 / 6, 12);
  });

  it('reads the bands from the catalog, very high strictly above its bound', () => {
    expect(levelFor(0.75, BANDS)).toBe('high');
    expect(levelFor(0.7501, BANDS)).toBe('very_high');
    expect(levelFor(0.5, BANDS)).toBe('high');
    expect(levelFor(0.4999, BANDS)).toBe('middle');
    expect(levelFor(0.25, BANDS)).toBe('middle');
    expect(levelFor(0.2499, BANDS)).toBe('low');
    expect(levelFor(0, BANDS)).toBe('low');
    const stricter = { ...city, thresholds: BANDS.map((t) => (t.level === 'high' ? { ...t, min: 0.7 } : t)) };
    expect(scoreSite(stricter, ALPHA).level).toBe('middle');
    // The real catalog carries the published bands.
    expect(losi2024.thresholds).toEqual(expect.arrayContaining(BANDS));
  });
});

// National cohort, modules M1 (weight 2) and M2 (weight 1): raw = (2·M1 + M2) ÷ 3.
const N1 = outcomes(national, {
  m1a: 'met',
  m1b: 'met',
  m1c: 'not_met',
  m1d: 'not_met',
  m2a: 'met',
  m2b: 'not_applicable',
}); // (2·0.5 + 1) / 3 = 2/3
const N2 = outcomes(national, {
  m1a: 'met',
  m1b: 'met',
  m1c: 'met',
  m1d: 'met',
  m2a: 'not_met',
  m2b: 'not_met',
}); // (2·1 + 0) / 3 = 2/3 (tie)
const N3 = outcomes(national, { m1a: 'met', m1b: 'not_met', m1c: 'not_met', m1d: 'not_met', m2a: 'not_met' }); // (2·0.25 + 0) / 3 = 1/6
const N4 = outcomes(national, { m1a: 'met', m1b: 'met', m1c: 'met', m1d: 'not_met', m2a: 'not_met' }); // (2·0.75 + 0) / 3 = 1/2
const N5 = outcomes(national, { m1a: 'not_applicable', m2a: 'not_applicable' }); // nothing assessed

describe('OSI scores (module subindices, relative within the cohort)', () => {
  it('normalises (raw − min) ÷ (max − min) over the national portals, ties sharing the top', () => {
    const { scores, cohorts } = scoreCohort(
      [N1, N2, N3, N4, N5].map((o) => ({ catalog: national, outcomes: o })),
    );
    const [n1, n2, n3, n4, n5] = scores;
    expect(n1?.criteria).toEqual({
      M1: { met: 2, assessed: 4, value: 0.5 },
      M2: { met: 1, assessed: 1, value: 1 },
    });
    expect(n1?.value).toBeCloseTo(2 / 3, 12);
    expect(n2?.value).toBeCloseTo(2 / 3, 12);
    expect(n3?.value).toBeCloseTo(1 / 6, 12);
    expect(n4?.value).toBeCloseTo(1 / 2, 12);
    // min 1/6, max 2/3, spread 1/2.
    expect(n1).toMatchObject({
      method: 'osi',
      relative: 1,
      relativeStatus: 'ok',
      level: 'very_high',
      levelBasis: 'relative',
    });
    expect(n2).toMatchObject({ relative: 1, level: 'very_high' });
    expect(n3).toMatchObject({ relative: 0, level: 'low', levelBasis: 'relative' });
    expect(n4?.relative).toBeCloseTo(2 / 3, 12);
    expect(n4?.level).toBe('high');
    expect(n5).toMatchObject({ value: null, relative: null, relativeStatus: 'not_assessed', level: null });
    expect(cohorts).toHaveLength(1);
    expect(cohorts[0]).toMatchObject({ catalogId: 'test-osi', method: 'osi', portals: 5, size: 4 });
    expect(cohorts[0]?.min).toBeCloseTo(1 / 6, 12);
    expect(cohorts[0]?.max).toBeCloseTo(2 / 3, 12);
    expect(n1?.notes?.join(' ')).toMatch(/weights .* assumed/);
  });

  it('has no relative value when every portal ties (max = min), and projects the level', () => {
    const { scores } = scoreCohort([N1, N2].map((o) => ({ catalog: national, outcomes: o })));
    for (const s of scores) {
      expect(s).toMatchObject({
        relative: null,
        relativeStatus: 'no_spread',
        level: 'high',
        levelBasis: 'absolute',
      });
      expect(s.notes?.join(' ')).toContain('max = min');
    }
  });

  it('shows a cohort of one (a self-audit) as its absolute share and says it needs a cohort', () => {
    for (const score of [
      scorePortal(national, N4),
      scoreCohort([{ catalog: national, outcomes: N4 }]).scores[0],
    ]) {
      expect(score).toMatchObject({
        method: 'osi',
        value: 0.5,
        relative: null,
        relativeStatus: 'cohort_of_one',
        level: 'high',
        levelBasis: 'absolute',
      });
      expect(score?.notes?.join(' ')).toContain('relative value needs a cohort');
    }
  });

  it('leaves out modules with nothing assessed instead of counting them as zero', () => {
    const onlyM2 = outcomes(national, { m1a: 'not_applicable', m2a: 'met', m2b: 'not_met' });
    expect(scorePortal(national, onlyM2).value).toBe(0.5);
  });

  it('normalises only national portals: city portals in the same campaign keep absolute shares', () => {
    const { scores, cohorts } = scoreCohort([
      { catalog: city, outcomes: ALPHA },
      { catalog: national, outcomes: N1 },
      { catalog: city, outcomes: NOTHING },
      { catalog: national, outcomes: N3 },
    ]);
    expect(scores.map((s) => s.method)).toEqual(['losi', 'osi', 'losi', 'osi']);
    expect(scores[0]?.relative).toBeUndefined();
    expect(scores[0]?.value).toBeCloseTo(4 / 6, 12);
    expect(scores[1]).toMatchObject({ relative: 1 });
    expect(scores[3]).toMatchObject({ relative: 0 });
    expect(cohorts.map((c) => [c.catalogId, c.portals, c.size])).toEqual([
      ['test-losi', 2, 1],
      ['test-osi', 2, 2],
    ]);
  });

  it('normaliseCohort handles empty, single, all-null and tied inputs', () => {
    expect(normaliseCohort([])).toEqual({ size: 0, min: null, max: null, relative: [], status: [] });
    expect(normaliseCohort([0.3])).toMatchObject({ size: 1, relative: [null], status: ['cohort_of_one'] });
    expect(normaliseCohort([null, null])).toMatchObject({ size: 0, relative: [null, null] });
    expect(normaliseCohort([0.2, 0.2, null])).toMatchObject({
      size: 2,
      relative: [null, null, null],
      status: ['no_spread', 'no_spread', 'not_assessed'],
    });
    expect(normaliseCohort([0.25, 0.75, 0.75, 0.5]).relative).toEqual([0, 1, 1, 0.5]);
  });
});
