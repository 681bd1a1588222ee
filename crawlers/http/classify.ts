import type { FetchStatus } from '../../src/core/index.ts';

/** Maps a thrown network error (walking its `cause` chain) to a fetch status and a readable message. */
export function classifyError(err: unknown): { status: FetchStatus; error: string } {
  const chain: { code?: string; message?: string; name?: string }[] = [];
  for (let e: unknown = err; e && typeof e === 'object' && chain.length < 6; ) {
    const obj = e as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown };
    chain.push({
      code: typeof obj.code === 'string' ? obj.code : undefined,
      message: typeof obj.message === 'string' ? obj.message : undefined,
      name: typeof obj.name === 'string' ? obj.name : undefined,
    });
    e = obj.cause;
  }
  const codes = chain.map((c) => c.code ?? '').filter(Boolean);
  const messages = chain.map((c) => c.message ?? '').join(' | ');
  const detail = messages || String(err);
  const has = (re: RegExp) => codes.some((c) => re.test(c));

  if (has(/^EPRIVATEADDRESS$/)) {
    const own = chain.find((c) => c.code === 'EPRIVATEADDRESS');
    return { status: 'private_address', error: own?.message ?? detail };
  }
  if (has(/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_NODATA|EAI_FAIL)$/)) {
    return { status: 'dns_error', error: `DNS lookup failed: ${detail}` };
  }
  if (has(/^ECONNREFUSED$/)) return { status: 'connection_refused', error: detail };
  if (has(/^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/)) {
    return { status: 'tls_error', error: detail };
  }
  if (/ssl|tls|certificate/i.test(messages) && has(/^(EPROTO|ECONNRESET)$/)) {
    return { status: 'tls_error', error: detail };
  }
  if (has(/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/)) {
    return { status: 'timeout', error: detail };
  }
  if (
    has(/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|ECONNABORTED)$/) ||
    /socket hang up|other side closed/i.test(messages)
  ) {
    return { status: 'connection_reset', error: detail };
  }
  if (has(/^(EHOSTUNREACH|ENETUNREACH)$/)) return { status: 'connection_refused', error: detail };
  return { status: 'error', error: detail };
}

/** HTTP status codes that mean "we are being kept out", not "this page is broken". */
export function isBlockingHttpStatus(code: number): boolean {
  return code === 401 || code === 403 || code === 429;
}

const CHALLENGE_TITLE =
  /<title[^>]*>\s*(just a moment|attention required|access denied|are you a (robot|human)|verify(ing)? you are (a )?human|checking your browser|ddos-guard|security check|one more step|pardon our interruption)/i;
const CHALLENGE_MARKER =
  /(cf-browser-verification|cf_chl_|\/cdn-cgi\/challenge-platform|_Incapsula_Resource|g-recaptcha|h-captcha|hcaptcha\.com\/|captcha-delivery\.com|px-captcha|challenges\.cloudflare\.com)/i;

/**
 * A bot-challenge or captcha wall served instead of the page. A captcha inside a normal page (a
 * contact form) is not a wall: markers count only on short pages.
 */
export function isChallengePage(html: string): boolean {
  const head = html.slice(0, 4096);
  if (CHALLENGE_TITLE.test(head)) return true;
  if (!CHALLENGE_MARKER.test(html.slice(0, 200_000))) return false;
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length < 1000;
}
