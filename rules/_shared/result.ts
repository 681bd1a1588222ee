import type { Evidence, RuleResult, SiteCaptures } from '../../src/core/index.ts';

export function met(confidence: number, message: string, evidence: Evidence[]): RuleResult {
  return { outcome: 'met', confidence, message, evidence };
}

export function notMet(confidence: number, message: string, evidence: Evidence[]): RuleResult {
  return { outcome: 'not_met', confidence, message, evidence };
}

export function needsReview(confidence: number, message: string, evidence: Evidence[]): RuleResult {
  return { outcome: 'needs_review', confidence, message, evidence };
}

/** The home page was not captured: nothing on the portal can be judged. */
export function homeNotCaptured(site: SiteCaptures): RuleResult {
  const status = site.home
    ? `${site.home.status}${site.home.error ? ` (${site.home.error})` : ''}`
    : 'not captured';
  return {
    outcome: 'not_applicable',
    confidence: 1,
    message: `Not assessable: the home page ${site.target.url} was not captured (${status}).`,
    evidence: [],
  };
}

/** Keeps the first item per key, at most `max` items. */
export function firstDistinct<T>(items: T[], key: (item: T) => string, max = Number.POSITIVE_INFINITY): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}
