import type { FetchStatus } from '../../src/core/index.ts';

/** Chromium net error codes (as in `net::ERR_…` navigation errors) and the status each one means. */
const NET_ERRORS: [RegExp, FetchStatus][] = [
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|ERR_DNS_/, 'dns_error'],
  [/ERR_CONNECTION_REFUSED|ERR_ADDRESS_UNREACHABLE/, 'connection_refused'],
  [
    /ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_ABORTED/,
    'connection_reset',
  ],
  [/ERR_CERT_|ERR_SSL_|ERR_BAD_SSL|SSL_PROTOCOL|ERR_TLS/, 'tls_error'],
  [/ERR_TOO_MANY_REDIRECTS/, 'redirect_loop'],
  [/ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT/, 'timeout'],
  [/ERR_FILE_TOO_BIG|ERR_RESPONSE_HEADERS_TOO_BIG/, 'too_large'],
  [/Download is starting|ERR_INVALID_MIME_TYPE/, 'not_html'],
];

/** Maps an error thrown by `page.goto` (or the render deadline) to a fetch status. */
export function statusOfNavigationError(error: unknown): FetchStatus {
  // Duck-typed: errors may come from another realm (test runners), where instanceof fails.
  const { name, message } = describeError(error);
  if (name === 'TimeoutError') return 'timeout';
  if (/Timeout [\d.]+ ?ms exceeded|timed out/i.test(message)) return 'timeout';
  for (const [pattern, status] of NET_ERRORS) if (pattern.test(message)) return status;
  return 'error';
}

export function describeError(error: unknown): { name: string; message: string } {
  if (error && typeof error === 'object') {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return {
      name: typeof name === 'string' ? name : '',
      message: typeof message === 'string' ? message : String(error),
    };
  }
  return { name: '', message: String(error) };
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

export function isHtmlContentType(contentType: string | null): boolean {
  // A missing Content-Type is sniffed by the browser; treat it as HTML and let the DOM speak.
  return contentType === null || contentType.trim() === '' || HTML_TYPES.test(contentType.trim());
}

/** Status of a navigation that got an HTTP response; `challenge` when the document is a bot wall. */
export function statusOfResponse(
  httpStatus: number,
  headers: Record<string, string>,
  contentType: string | null,
  challenge: boolean,
): FetchStatus {
  if (challenge || headers['cf-mitigated'] === 'challenge') return 'bot_blocked';
  if (httpStatus === 401 || httpStatus === 403 || httpStatus === 429) return 'bot_blocked';
  if (httpStatus >= 500) return 'http_5xx';
  if (httpStatus >= 400) return 'http_4xx';
  if (!isHtmlContentType(contentType)) return 'not_html';
  return 'ok';
}
