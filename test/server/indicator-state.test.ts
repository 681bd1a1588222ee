import { describe, expect, it } from 'vitest';
import type { ResultSummary, StoredBlindReview, StoredReview } from '../../db/index.ts';
import { agreementReport } from '../../src/server/model/agreement-stats.ts';
import { indicatorStates } from '../../src/server/model/indicator-state.ts';
import type { RunData } from '../../src/server/model/run-data.ts';

let nextId = 1;
function result(
  code: string,
  outcome: ResultSummary['outcome'],
  method: ResultSummary['method'] = 'auto',
): ResultSummary {
  return {
    runId: 1,
    evaluationId: 1,
    resultId: nextId++,
    ruleId: `losi-2024/${code}-x`,
    ruleVersion: 1,
    code,
    criterion: 'TEC',
    method,
    outcome,
    confidence: 0.9,
    message: '',
  };
}
function review(
  code: string,
  toValue: StoredReview['toValue'],
  reviewer: string,
  at: string,
  kind: StoredReview['kind'] = 'review',
): StoredReview {
  return {
    id: nextId++,
    runId: 1,
    code,
    resultId: null,
    reviewer,
    fromValue: null,
    toValue,
    note: null,
    createdAt: at,
    kind,
  };
}
function blind(
  code: string,
  toValue: StoredBlindReview['toValue'],
  reviewer: string,
  at: string,
): StoredBlindReview {
  return {
    id: nextId++,
    runId: 1,
    code,
    resultId: null,
    reviewer,
    fromValue: null,
    toValue,
    note: null,
    createdAt: at,
  };
}

describe('indicator states', () => {
  it('takes the latest review as the final value, else the automated outcome', () => {
    const states = indicatorStates(
      [result('206', 'needs_review'), result('207', 'met')],
      [
        review('206', 'met', 'asa', '2026-01-01T10:00:00Z'),
        review('206', 'not_met', 'ada', '2026-01-01T11:00:00Z'),
      ],
      [],
    );
    expect(states.map((s) => [s.code, s.finalValue, s.decidedBy])).toEqual([
      ['206', 'not_met', 'ada'],
      ['207', 'met', null],
    ]);
  });

  it('finds disagreements between the first value and the blind second decision, and their resolution', () => {
    const states = indicatorStates(
      [result('206', 'met'), result('207', 'needs_review'), result('208', 'met'), result('209', 'not_met')],
      [
        review('206', 'met', 'asa', '2026-01-01T10:00:00Z'),
        review('208', 'met', 'asa', '2026-01-01T10:00:00Z'),
        review('208', 'not_met', 'ada', '2026-01-01T12:00:00Z', 'resolution'),
      ],
      [
        blind('206', 'not_met', 'bea', '2026-01-01T11:00:00Z'),
        blind('207', 'met', 'bea', '2026-01-01T11:00:00Z'), // no first value: machine said needs_review
        blind('208', 'not_met', 'bea', '2026-01-01T11:00:00Z'),
        blind('209', 'met', 'bea', '2026-01-01T11:00:00Z'), // against the automated decision
      ],
    );
    expect(states.map((s) => [s.code, s.disagreement, s.first?.by ?? null])).toEqual([
      ['206', 'open', 'asa'],
      ['207', null, null],
      ['208', 'resolved', 'asa'],
      ['209', 'open', null],
    ]);
    expect(states[2]!.finalValue).toBe('not_met');
  });

  it('reopens a resolved disagreement when the blind reviewer decides again afterwards', () => {
    const [state] = indicatorStates(
      [result('206', 'met')],
      [
        review('206', 'met', 'asa', '2026-01-01T10:00:00Z'),
        review('206', 'met', 'ada', '2026-01-01T12:00:00Z', 'resolution'),
      ],
      [
        blind('206', 'not_met', 'bea', '2026-01-01T11:00:00Z'),
        blind('206', 'not_applicable', 'bea', '2026-01-01T13:00:00Z'),
      ],
    );
    expect(state!.disagreement).toBe('open');
  });
});

describe('agreement report', () => {
  it('compares the machine with final human values and the first assessor with the blind second', () => {
    // Machine vs human: 206 met/met, 207 met/not_met, 208 not_met/not_met (heuristic), 209 needs_review (left out).
    // po = 2/3; machine: met 2/3, not_met 1/3; humans: met 1/3, not_met 2/3
    // pe = (2/3)(1/3) + (1/3)(2/3) = 4/9; κ = (6/9 − 4/9)/(5/9) = 2/5
    const states = indicatorStates(
      [
        result('206', 'met'),
        result('207', 'met'),
        result('208', 'not_met', 'heuristic'),
        result('209', 'needs_review'),
      ],
      [
        review('206', 'met', 'asa', '2026-01-01T10:00:00Z'),
        review('207', 'not_met', 'asa', '2026-01-01T10:00:00Z'),
        review('208', 'not_met', 'asa', '2026-01-01T10:00:00Z'),
        review('209', 'met', 'asa', '2026-01-01T10:00:00Z'),
      ],
      [
        blind('206', 'met', 'bea', '2026-01-01T11:00:00Z'),
        blind('207', 'met', 'bea', '2026-01-01T11:00:00Z'),
      ],
    );
    const run = { states } as unknown as RunData;
    const report = agreementReport([run]);
    expect(report.overall.machine.n).toBe(3);
    expect(report.overall.machine.percent).toBeCloseTo(2 / 3, 12);
    expect(report.overall.machine.kappa).toBeCloseTo(2 / 5, 12);
    expect(report.overall.needsReviewDecided).toBe(1);
    expect(report.byMethod.auto.n).toBe(2);
    expect(report.byMethod.heuristic).toMatchObject({ n: 1, agreed: 1 });
    // Humans: 206 met/met, 207 not_met/met → po = 1/2; pe = (1/2)(1) + (1/2)(0) = 1/2 → κ = 0
    expect(report.overall.humans).toMatchObject({ n: 2, agreed: 1, percent: 0.5, kappa: 0 });
    expect(report.perIndicator.map((r) => [r.code, r.machine.n, r.humans.n, r.needsReviewDecided])).toEqual([
      ['206', 1, 1, 0],
      ['207', 1, 1, 0],
      ['208', 1, 0, 0],
      ['209', 0, 0, 1],
    ]);
  });
});
