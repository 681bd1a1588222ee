import type { Evidence, PageCapture, RuleResult, SiteCaptures } from '../../src/core/index.ts';
import type { TargetCheck } from './link-target.ts';
import { type PageRole, pageRole, roleFits } from './page-role.ts';
import { met, needsReview } from './result.ts';

/**
 * How directly a piece of evidence lets the user *do* the thing an indicator asks for, strongest
 * first. A service or feature is offered when the user can act: a form with fields, a sign-in, a
 * link whose text is the action and whose target was fetched and is content, or an external
 * service page reached one hop away. A link whose target the crawl did not fetch is weaker; a
 * paragraph, a headline or a FAQ answer that names the service is a mention.
 */
export const ACTIONABILITY = [
  'form',
  'login',
  'action-link',
  'service-site',
  'unfetched-link',
  'mention',
] as const;
export type Actionability = (typeof ACTIONABILITY)[number];

/** The grades that let the user act: enough for `met`. */
export type Affordance = 'form' | 'login' | 'action-link' | 'service-site';

export function isAffordance(grade: Actionability): grade is Affordance {
  return grade === 'form' || grade === 'login' || grade === 'action-link' || grade === 'service-site';
}

/** Highest confidence evidence of each grade supports, for the outcome it allows (met or needs_review). */
export const MAX_CONFIDENCE: Readonly<Record<Actionability, number>> = {
  form: 0.95,
  login: 0.95,
  'action-link': 0.9,
  'service-site': 0.85,
  'unfetched-link': 0.6,
  mention: 0.45,
};

/**
 * What an action link (text and target name the action) proves, from its target: content → an
 * action link; not fetched (or not reachable by the crawler) → weaker; placeholder, HTTP error or
 * soft 404 → nothing (null: report it as a broken link).
 */
export function linkActionability(check: TargetCheck): Actionability | null {
  switch (check.state) {
    case 'content':
    case 'document':
      return 'action-link';
    case 'not_fetched':
      return 'unfetched-link';
    default:
      return null;
  }
}

/**
 * Evidence on a news, FAQ, legal or project page is a mention whatever its kind (a payment
 * project's page links the gateway; a FAQ names the national login), unless the caller accepts
 * that role.
 */
export function onPage(
  grade: Actionability,
  page: PageCapture,
  site: SiteCaptures,
  accepted: readonly PageRole[] = [],
): Actionability {
  return roleFits(page, site, accepted) ? grade : 'mention';
}

/** A note for evidence demoted by its page's role: "FAQ page (URL path "/faq/"): a mention". */
export function mentionNote(page: PageCapture, site: SiteCaptures): string {
  const { role, why } = pageRole(page, site);
  const name = role === 'faq' ? 'FAQ' : role;
  return `${name} page (${why}): a mention, not an offer`;
}

/**
 * The verdict evidence of a grade allows: `met` for an affordance (confidence capped by the grade),
 * else needs_review with the evidence at the grade's cap. Pure mentions never give `met`.
 */
export function offerResult(
  grade: Actionability,
  confidence: number,
  message: string,
  evidence: Evidence[],
  reviewMessage = message,
): RuleResult {
  const capped = Math.min(confidence, MAX_CONFIDENCE[grade]);
  return isAffordance(grade) ? met(capped, message, evidence) : needsReview(capped, reviewMessage, evidence);
}
