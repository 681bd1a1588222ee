import type { Outcome } from '../core/index.ts';

export const NEEDS_REVIEW_POLICIES = ['not_met', 'met', 'exclude'] as const;
export const ERROR_POLICIES = ['not_met', 'exclude'] as const;

/**
 * How non-binary outcomes count in a score. Printed with every score so readers know what was assumed.
 * Default (DESIGN.md / scoring issue): needs_review counts as not met and is flagged; not_applicable and
 * error are excluded from the indicators assessed.
 */
export interface ScorePolicy {
  needsReview: (typeof NEEDS_REVIEW_POLICIES)[number];
  error: (typeof ERROR_POLICIES)[number];
}

export const DEFAULT_POLICY: ScorePolicy = { needsReview: 'not_met', error: 'exclude' };

/** 1 = met, 0 = not met, null = not assessed (excluded from the denominator). */
export function pointsFor(outcome: Outcome, policy: ScorePolicy): 0 | 1 | null {
  switch (outcome) {
    case 'met':
      return 1;
    case 'not_met':
      return 0;
    case 'not_applicable':
      return null;
    case 'needs_review':
      return policy.needsReview === 'exclude' ? null : policy.needsReview === 'met' ? 1 : 0;
    case 'error':
      return policy.error === 'exclude' ? null : 0;
  }
}

export function describePolicy(policy: ScorePolicy): string {
  const review = {
    not_met: 'needs_review counts as not met',
    met: 'needs_review counts as met',
    exclude: 'needs_review is not assessed',
  }[policy.needsReview];
  const error = policy.error === 'exclude' ? 'errors are not assessed' : 'errors count as not met';
  return `${review}; not_applicable is not assessed; ${error}`;
}

/** Compact form for table cells and file names: `needs_review=not_met;error=exclude`. */
export function policyKey(policy: ScorePolicy): string {
  return `needs_review=${policy.needsReview};error=${policy.error}`;
}
