/**
 * Failure taxonomy: every fetch ends in exactly one of these statuses (DESIGN.md).
 * Permanent statuses are recorded at once and never retried.
 */
export const FETCH_STATUSES = [
  'ok',
  'http_4xx',
  'http_5xx',
  'soft_404',
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
  // A page that answers "not found" with HTTP 200 is as missing as a 404: fetching it again changes nothing.
  'soft_404',
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

/** Each status in words, for reports and terminals. */
const STATUS_WORDS: Record<FetchStatus, string> = {
  ok: 'reached',
  http_4xx: 'the page answered with a client error (HTTP 4xx)',
  http_5xx: 'the server answered with an error (HTTP 5xx)',
  soft_404: 'the page says it does not exist, although it answered HTTP 200 (a soft 404)',
  timeout: 'no answer in time',
  dns_error: 'the host name does not resolve',
  tls_error: 'the secure connection failed (certificate or TLS)',
  connection_refused: 'the connection was refused',
  connection_reset: 'the connection was cut',
  redirect_loop: 'the redirects never end',
  too_large: 'the page is too large',
  not_html: 'the address is not an HTML page',
  blocked_by_robots: "the site's robots.txt disallows it",
  bot_blocked: 'the site blocks automated visitors',
  private_address: 'a private or loopback address (refused)',
  error: 'an error',
};

export function describeStatus(status: FetchStatus): string {
  return STATUS_WORDS[status] ?? status;
}
