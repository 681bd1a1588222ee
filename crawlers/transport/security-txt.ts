import type { SecurityTxt } from '../../src/core/index.ts';
import type { ProbeOptions } from './probe-options.ts';
import { requestOnce, urlOf } from './request-once.ts';

const MAX_BYTES = 64 * 1024;
const MAX_REDIRECTS = 3;
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches https://host/.well-known/security.txt (RFC 9116), following at most 3 redirects to https:
 * addresses. Found only when it answers 200 with a text body that is not HTML and carries a Contact
 * or Expires field: a soft 404 (an HTML page, a "not found" text) is not a security.txt. Never throws.
 */
export async function fetchSecurityTxt(
  hostname: string,
  httpsPort: number,
  options: ProbeOptions,
): Promise<SecurityTxt> {
  const url = urlOf('https', hostname, httpsPort, '/.well-known/security.txt');
  const notFound: SecurityTxt = { url, found: false, contacts: [], expires: null, expired: null };
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await requestOnce(current, options, MAX_BYTES);
    if (!res.ok) return notFound;
    const location = res.headers.location;
    if (REDIRECT_CODES.has(res.status) && location) {
      const next = safeUrl(location, current);
      if (next?.protocol !== 'https:') return notFound;
      current = next.href;
      continue;
    }
    if (res.status !== 200 || res.text === null || /html/i.test(res.headers['content-type'] ?? ''))
      return notFound;
    if (/^\s*</.test(res.text)) return notFound;
    const parsed = parseSecurityTxt(res.text);
    if (parsed.contacts.length === 0 && parsed.expires === null) return notFound;
    return { url, found: true, ...parsed };
  }
  return notFound;
}

/** The Contact lines (in order) and the first Expires field; field names without case, comments skipped. */
export function parseSecurityTxt(
  text: string,
  now = new Date(),
): Pick<SecurityTxt, 'contacts' | 'expires' | 'expired'> {
  const contacts: string[] = [];
  let expires: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const field = /^\s*([A-Za-z-]+)\s*:\s*(.+?)\s*$/.exec(line);
    if (!field?.[1] || !field[2]) continue;
    const name = field[1].toLowerCase();
    if (name === 'contact') contacts.push(field[2]);
    else if (name === 'expires' && expires === null) expires = field[2];
  }
  const expiresMs = expires === null ? Number.NaN : Date.parse(expires);
  return { contacts, expires, expired: Number.isNaN(expiresMs) ? null : expiresMs < now.getTime() };
}

function safeUrl(href: string, base: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}
