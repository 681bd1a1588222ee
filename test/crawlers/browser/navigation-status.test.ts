import { describe, expect, it } from 'vitest';
import { statusOfNavigationError, statusOfResponse } from '../../../crawlers/browser/navigation-status.ts';

describe('statusOfNavigationError', () => {
  it.each([
    ['page.goto: net::ERR_NAME_NOT_RESOLVED at https://nowhere.invalid/', 'dns_error'],
    ['page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:9/', 'connection_refused'],
    ['page.goto: net::ERR_CONNECTION_RESET at https://x/', 'connection_reset'],
    ['page.goto: net::ERR_EMPTY_RESPONSE at https://x/', 'connection_reset'],
    ['page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://x/', 'tls_error'],
    ['page.goto: net::ERR_SSL_PROTOCOL_ERROR at https://x/', 'tls_error'],
    ['page.goto: net::ERR_TOO_MANY_REDIRECTS at https://x/', 'redirect_loop'],
    ['page.goto: net::ERR_CONNECTION_TIMED_OUT at https://x/', 'timeout'],
    ['page.goto: Timeout 1499.65ms exceeded.', 'timeout'],
    ['page.goto: Download is starting', 'not_html'],
    ['page.goto: net::ERR_FAILED at https://x/', 'error'],
  ] as const)('%s → %s', (message, status) => {
    expect(statusOfNavigationError(new Error(message))).toBe(status);
  });

  it('recognises a TimeoutError by name, even from another realm', () => {
    expect(statusOfNavigationError({ name: 'TimeoutError', message: 'waited too long' })).toBe('timeout');
  });
});

describe('statusOfResponse', () => {
  const html = 'text/html; charset=utf-8';
  it.each([
    [200, {}, html, false, 'ok'],
    [200, {}, null, false, 'ok'],
    [200, {}, 'application/pdf', false, 'not_html'],
    [404, {}, html, false, 'http_4xx'],
    [401, {}, html, false, 'bot_blocked'],
    [429, {}, html, false, 'bot_blocked'],
    [503, {}, html, false, 'http_5xx'],
    [503, {}, html, true, 'bot_blocked'],
    [200, { 'cf-mitigated': 'challenge' }, html, false, 'bot_blocked'],
  ] as const)('%i %o %s challenge=%s → %s', (code, headers, type, challenge, status) => {
    expect(statusOfResponse(code, headers, type, challenge)).toBe(status);
  });
});
