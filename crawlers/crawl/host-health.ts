import { describeStatus, type FetchStatus } from '../../src/core/index.ts';
import type { FetchOutcome } from '../contracts.ts';
import { emptyFetchOutcome } from '../fetch-outcome.ts';
import { hostOf } from '../frontier/normalize-url.ts';

/** Statuses that say the host, not the page, is failing. */
const HOST_FAILURES: ReadonlySet<FetchStatus> = new Set<FetchStatus>([
  'timeout',
  'connection_refused',
  'connection_reset',
  'dns_error',
  'tls_error',
]);

/**
 * Hosts that fail `limit` pages in a row at the connection level (no answer, refused, reset) are not
 * asked again during the crawl: their other pages are recorded with the same status at once. A
 * portal whose payment host is down gets its report in seconds, not after a timeout per link.
 */
export class HostHealth {
  readonly #failures = new Map<string, { count: number; status: FetchStatus }>();

  constructor(private readonly limit = 2) {}

  /** Notes how a page of its host ended. */
  note(url: string, status: FetchStatus): void {
    const host = hostOf(url);
    if (!HOST_FAILURES.has(status)) {
      this.#failures.delete(host);
      return;
    }
    const count = (this.#failures.get(host)?.count ?? 0) + 1;
    this.#failures.set(host, { count, status });
  }

  /** How the last page of `host` (URL.host) failed at the connection level, or null when it answered. */
  failing(host: string): FetchStatus | null {
    return this.#failures.get(host)?.status ?? null;
  }

  /** The outcome to record for `url` without fetching it, when its host is down; else null. */
  skip(url: string): FetchOutcome | null {
    const host = hostOf(url);
    const failed = this.#failures.get(host);
    if (!failed || failed.count < this.limit) return null;
    return emptyFetchOutcome(
      url,
      failed.status,
      `Not fetched: ${failed.count} earlier pages of ${host} failed (${describeStatus(failed.status)})`,
    );
  }
}
