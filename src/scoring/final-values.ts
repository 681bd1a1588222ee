import type { CatalogEntry, Method, Outcome } from '../core/index.ts';

/** The automated verdict an indicator's final value may come from (latest evaluation of the run). */
export interface AutomatedVerdict {
  /** indicator_results id; null for a result that was never stored (a report built in memory). */
  resultId: number | null;
  ruleId: string;
  outcome: Outcome;
  method: Method;
  confidence: number;
  /** Page of the first evidence item, if any. */
  evidenceUrl: string | null;
}

/** The review in force for an indicator (the latest appended). */
export interface ReviewVerdict {
  reviewId: number;
  reviewer: string;
  value: 'met' | 'not_met' | 'not_applicable';
  createdAt: string;
}

export const DECIDERS = ['automated', 'review'] as const;
export type DecidedBy = (typeof DECIDERS)[number];

/** An indicator's final value: the latest review, else the automated outcome. */
export interface FinalValue {
  code: string;
  /** Criterion (LOSI) or module (OSI) as the scoring catalog places the indicator. */
  criterion: string;
  outcome: Outcome;
  decidedBy: DecidedBy;
  automated: AutomatedVerdict | null;
  review: ReviewVerdict | null;
}

/** What final values are built from; results may carry their stored id and evidence. */
export interface ResultInput {
  resultId?: number;
  ruleId: string;
  code: string;
  outcome: Outcome;
  method: Method;
  confidence: number;
  evidence?: readonly { pageUrl: string }[];
}

export interface ReviewInput {
  id: number;
  code: string;
  reviewer: string;
  toValue: ReviewVerdict['value'];
  createdAt: string;
}

/**
 * Final values in catalog order, for the catalog's indicators only: an indicator with neither an
 * automated result nor a review is left out (it was not assessed). Reviews are per indicator code and
 * outlive re-evaluations, so a rescoring keeps every human decision.
 */
export function finalValues(
  entries: readonly Pick<CatalogEntry, 'code' | 'criterion'>[],
  results: readonly ResultInput[],
  reviewsByCode: ReadonlyMap<string, ReviewInput>,
): FinalValue[] {
  // Results usually come in catalog order (the engine runs the catalog's rules in order): then the
  // i-th result is the i-th entry's, and no lookup table is needed.
  let resultByCode: Map<string, ResultInput> | null = null;
  const out: FinalValue[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as Pick<CatalogEntry, 'code' | 'criterion'>;
    let result = results[i];
    if (result?.code !== entry.code) {
      resultByCode ??= new Map(results.map((r) => [r.code, r]));
      result = resultByCode.get(entry.code);
    }
    const review = reviewsByCode.size > 0 ? reviewsByCode.get(entry.code) : undefined;
    if (!result && !review) continue;
    const automated: AutomatedVerdict | null = result
      ? {
          resultId: result.resultId ?? null,
          ruleId: result.ruleId,
          outcome: result.outcome,
          method: result.method,
          confidence: result.confidence,
          evidenceUrl: result.evidence?.[0]?.pageUrl ?? null,
        }
      : null;
    const reviewed: ReviewVerdict | null = review
      ? { reviewId: review.id, reviewer: review.reviewer, value: review.toValue, createdAt: review.createdAt }
      : null;
    out.push({
      code: entry.code,
      criterion: entry.criterion,
      outcome: reviewed ? reviewed.value : (automated as AutomatedVerdict).outcome,
      decidedBy: reviewed ? 'review' : 'automated',
      automated,
      review: reviewed,
    });
  }
  return out;
}

/** Latest review per code from reviews listed oldest first (the store's append order). */
export function latestReviews(reviews: readonly ReviewInput[]): Map<string, ReviewInput> {
  const latest = new Map<string, ReviewInput>();
  for (const r of reviews) latest.set(r.code, r);
  return latest;
}
