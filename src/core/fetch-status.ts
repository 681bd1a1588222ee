/**
 * Failure taxonomy: every fetch ends in exactly one of these statuses (DESIGN.md).
 * Permanent statuses are recorded at once and never retried.
 */
export const FETCH_STATUSES = [
  'ok',
  'http_4xx',
  'http_5xx',
  'timeout',
  'dns_error',
  'tls_error',
  'connection_refused',
  'connection_reset',
  'redirect_loop',
  'too_large',
  'not_html',
  'blocked_by_robots',
  'bot_blocked',
  'private_address',
  'error',
] as const;

export type FetchStatus = (typeof FETCH_STATUSES)[number];

export const PERMANENT_STATUSES: ReadonlySet<FetchStatus> = new Set<FetchStatus>([
  'http_4xx',
  'dns_error',
  'tls_error',
  'redirect_loop',
  'too_large',
  'not_html',
  'blocked_by_robots',
  'private_address',
]);

export const TRANSIENT_STATUSES: ReadonlySet<FetchStatus> = new Set<FetchStatus>([
  'http_5xx',
  'timeout',
  'connection_refused',
  'connection_reset',
]);

export function isPermanentStatus(status: FetchStatus): boolean {
  return PERMANENT_STATUSES.has(status);
}

export function isTransientStatus(status: FetchStatus): boolean {
  return TRANSIENT_STATUSES.has(status);
}
