import { describe, expect, it } from 'vitest';
import { agreement } from '../../src/server/model/kappa.ts';

const pairs = (spec: [string, string, number][]): [string, string][] =>
  spec.flatMap(([a, b, n]) => Array.from({ length: n }, () => [a, b] as [string, string]));

describe("Cohen's kappa", () => {
  it('matches a hand-computed two-category table', () => {
    // 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
    // po = 35/50 = 0.7; A yes 25/50, B yes 30/50: pe = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4
    const result = agreement(
      pairs([
        ['yes', 'yes', 20],
        ['yes', 'no', 5],
        ['no', 'yes', 10],
        ['no', 'no', 15],
      ]),
    );
    expect(result).toMatchObject({ n: 50, agreed: 35 });
    expect(result.percent).toBeCloseTo(0.7, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  it('matches a hand-computed three-category table with a category one rater never used', () => {
    // A: met 4, not_met 3, n/a 1 (n = 8); B: met 5, not_met 3.
    // agreements: met/met 3, not_met/not_met 2 → po = 5/8 = 0.625
    // pe = (4/8)(5/8) + (3/8)(3/8) + (1/8)(0) = 20/64 + 9/64 = 29/64
    // κ = (40/64 − 29/64)/(1 − 29/64) = (11/64)/(35/64) = 11/35
    const result = agreement(
      pairs([
        ['met', 'met', 3],
        ['met', 'not_met', 1],
        ['not_met', 'not_met', 2],
        ['not_met', 'met', 1],
        ['not_applicable', 'met', 1],
      ]),
    );
    expect(result.n).toBe(8);
    expect(result.percent).toBeCloseTo(0.625, 12);
    expect(result.kappa).toBeCloseTo(11 / 35, 12);
  });

  it('is 1 for perfect agreement over two categories, negative below chance', () => {
    expect(
      agreement(
        pairs([
          ['a', 'a', 3],
          ['b', 'b', 2],
        ]),
      ).kappa,
    ).toBeCloseTo(1, 12);
    // Always disagreeing on a balanced pair: po = 0, pe = 0.5 → κ = −1
    expect(
      agreement(
        pairs([
          ['a', 'b', 2],
          ['b', 'a', 2],
        ]),
      ).kappa,
    ).toBeCloseTo(-1, 12);
  });

  it('leaves kappa undefined with no pairs, or one value used by both throughout', () => {
    expect(agreement([])).toEqual({ n: 0, agreed: 0, percent: null, kappa: null });
    expect(agreement(pairs([['met', 'met', 4]]))).toEqual({ n: 4, agreed: 4, percent: 1, kappa: null });
  });
});
