import { type CrawlEnd, isTransientStatus } from '../../src/core/index.ts';

/**
 * Retries of a whole site: only when its home page could not be reached for a reason that may pass
 * (timeout, connection reset or refused, 5xx — TRANSIENT_STATUSES of src/core). Permanent outcomes
 * (DNS, TLS, robots.txt disallow, …) and any crawl that got past the home page are recorded at once.
 * The same policy drives BullMQ's exponential backoff in the fleet and the in-process runner's loop.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Delay before the second attempt; each later one waits twice as long. */
  backoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, backoffMs: 60_000 };

export function isRetryableEnd(end: CrawlEnd): boolean {
  return end.stopReason === 'unreachable' && isTransientStatus(end.outcome);
}

/** Delay after the failed attempt number `attempt` (1-based): backoff · 2^(attempt−1), as BullMQ's 'exponential'. */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.round(policy.backoffMs * 2 ** Math.max(0, attempt - 1));
}

/** The crawl end as recorded after `attempt` attempts: says how many were made when more than one. */
export function endAfterAttempts(end: CrawlEnd, attempt: number): CrawlEnd {
  if (attempt <= 1) return end;
  const note = `Attempt ${attempt}${isRetryableEnd(end) ? ' (the last)' : ''}.`;
  return { ...end, message: end.message ? `${end.message} ${note}` : note };
}
