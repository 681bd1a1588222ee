import { METHODS, type Method } from '../../core/index.ts';
import { isReviewValue } from './indicator-state.ts';
import { type Agreement, agreement } from './kappa.ts';
import type { RunData } from './run-data.ts';

type Pair = readonly [string, string];

export interface IndicatorAgreement {
  code: string;
  /** Automated verdict vs the assessors' final value, where the machine decided (met / not met / n.a.). */
  machine: Agreement;
  /** First assessor vs blind second assessor, where both decided. */
  humans: Agreement;
  /** Reviewed items the machine had left as needs_review (no machine decision to compare). */
  needsReviewDecided: number;
}

export interface AgreementReport {
  runs: number;
  overall: { machine: Agreement; humans: Agreement; needsReviewDecided: number };
  /** Automated vs assessor per rule method (auto, heuristic, manual). */
  byMethod: Record<Method, Agreement>;
  perIndicator: IndicatorAgreement[];
}

/**
 * Agreement statistics over reviewed runs: how often (and how far beyond chance, Cohen's kappa) the
 * automated verdict matches the assessors' final value, and the first assessor matches the blind second.
 */
export function agreementReport(runs: readonly RunData[]): AgreementReport {
  const machine = new Map<string, Pair[]>();
  const humans = new Map<string, Pair[]>();
  const needsReview = new Map<string, number>();
  const byMethod = new Map<Method, Pair[]>(METHODS.map((m) => [m, []]));
  const order: string[] = [];
  const push = (map: Map<string, Pair[]>, code: string, pair: Pair) => {
    const list = map.get(code);
    if (list) list.push(pair);
    else map.set(code, [pair]);
  };
  for (const run of runs) {
    for (const s of run.states) {
      if (!s.result) continue;
      if (!order.includes(s.code)) order.push(s.code);
      if (s.review) {
        if (isReviewValue(s.result.outcome)) {
          const pair = [s.result.outcome, s.review.toValue] as const;
          push(machine, s.code, pair);
          byMethod.get(s.result.method)?.push(pair);
        } else if (s.result.outcome === 'needs_review') {
          needsReview.set(s.code, (needsReview.get(s.code) ?? 0) + 1);
        }
      }
      if (s.first?.by && s.blind) push(humans, s.code, [s.first.value, s.blind.toValue]);
    }
  }
  const perIndicator = order
    .map((code) => ({
      code,
      machine: agreement(machine.get(code) ?? []),
      humans: agreement(humans.get(code) ?? []),
      needsReviewDecided: needsReview.get(code) ?? 0,
    }))
    .filter((row) => row.machine.n > 0 || row.humans.n > 0 || row.needsReviewDecided > 0);
  return {
    runs: runs.length,
    overall: {
      machine: agreement([...machine.values()].flat()),
      humans: agreement([...humans.values()].flat()),
      needsReviewDecided: [...needsReview.values()].reduce((a, b) => a + b, 0),
    },
    byMethod: Object.fromEntries([...byMethod].map(([m, pairs]) => [m, agreement(pairs)])) as Record<
      Method,
      Agreement
    >,
    perIndicator,
  };
}
