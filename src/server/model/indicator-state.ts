import {
  REVIEW_VALUES,
  type ResultSummary,
  type ReviewValue,
  type StoredBlindReview,
  type StoredReview,
} from '../../../db/index.ts';
import type { Outcome } from '../../core/index.ts';

/** The value in force before any blind review: the latest assessor decision, else a machine decision. */
export interface FirstValue {
  value: ReviewValue;
  /** Reviewer name, or null when the automated verdict stands. */
  by: string | null;
  at: string | null;
}

export type DisagreementStatus = 'open' | 'resolved';

/** Everything the app shows about one indicator of one run. */
export interface IndicatorState {
  code: string;
  criterion: string;
  result: ResultSummary | null;
  /** The review in force: the latest one appended. */
  review: StoredReview | null;
  /** Latest review, else the automated outcome. */
  finalValue: Outcome;
  /** Who decided the final value: a reviewer's name, or null for the machine. */
  decidedBy: string | null;
  first: FirstValue | null;
  /** Blind second decisions, oldest first. */
  blindTrail: StoredBlindReview[];
  blind: StoredBlindReview | null;
  /** Set when the blind second decision differs from the first value. */
  disagreement: DisagreementStatus | null;
}

export function isReviewValue(value: unknown): value is ReviewValue {
  return (REVIEW_VALUES as readonly unknown[]).includes(value);
}

function groupByCode<T extends { code: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.code);
    if (list) list.push(row);
    else map.set(row.code, [row]);
  }
  return map;
}

/**
 * The state of each indicator of one run, in the order of its results (codes that only have reviews
 * come last). `reviews` and `blind` must belong to this run and be oldest first; `reviews` needs only
 * each code's latest review, latest decision and latest resolution (ReviewQueriesRepo.reviewsInForce),
 * so a long decision history costs nothing here.
 */
export function indicatorStates(
  results: readonly ResultSummary[],
  reviews: readonly StoredReview[],
  blind: readonly StoredBlindReview[],
): IndicatorState[] {
  const reviewsByCode = groupByCode(reviews);
  const blindByCode = groupByCode(blind);
  const codes = [...new Set([...results.map((r) => r.code), ...reviewsByCode.keys()])];
  const resultByCode = new Map(results.map((r) => [r.code, r]));
  return codes.map((code) => {
    const result = resultByCode.get(code) ?? null;
    const codeReviews = reviewsByCode.get(code) ?? [];
    const blindTrail = blindByCode.get(code) ?? [];
    const review = codeReviews.at(-1) ?? null;
    const latestBlind = blindTrail.at(-1) ?? null;
    const first = firstValue(codeReviews, result);
    return {
      code,
      criterion: result?.criterion ?? '',
      result,
      review,
      finalValue: review?.toValue ?? result?.outcome ?? 'needs_review',
      decidedBy: review?.reviewer ?? null,
      first,
      blindTrail,
      blind: latestBlind,
      disagreement: disagreementOf(first, latestBlind, codeReviews),
    };
  });
}

function firstValue(trail: readonly StoredReview[], result: ResultSummary | null): FirstValue | null {
  const decision = trail.filter((r) => r.kind !== 'resolution').at(-1);
  if (decision) return { value: decision.toValue, by: decision.reviewer, at: decision.createdAt };
  if (result && isReviewValue(result.outcome)) return { value: result.outcome, by: null, at: null };
  return null;
}

function disagreementOf(
  first: FirstValue | null,
  blind: StoredBlindReview | null,
  trail: readonly StoredReview[],
): DisagreementStatus | null {
  if (!first || !blind || first.value === blind.toValue) return null;
  const since = [first.at ?? '', blind.createdAt].sort().at(-1) ?? '';
  const resolved = trail.some((r) => r.kind === 'resolution' && r.createdAt >= since);
  return resolved ? 'resolved' : 'open';
}
