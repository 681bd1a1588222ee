/**
 * URL normalisation for dedupe: two URLs that name the same page normalise to the same string.
 * Lowercase scheme and host (URL does it), default port dropped (URL does it), fragment dropped
 * (but a hash route, `#/path`, which names a view of a script-drawn app),
 * tracking parameters dropped, remaining query parameters sorted, `//` collapsed, `.`/`..` resolved.
 */

const HASH_ROUTE = /^#!?\//;
const TRACKING_PARAM = /^(utm_.*|fbclid|gclid|gclsrc|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid|igshid)$/i;

/** The normalised form of an http(s) URL, or null for other schemes and unparsable input. */
export function normalizeUrl(input: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // A hash route (`#/path`, `#!/path`) names a view of a script-drawn app; other fragments are places in a page.
  if (!HASH_ROUTE.test(u.hash)) u.hash = '';
  u.username = '';
  u.password = '';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  // Collapse `//` and re-resolve so `a//../b` behaves like `a/../b` (URL already resolved the rest).
  const collapsed = u.pathname.replace(/\/{2,}/g, '/');
  if (collapsed !== u.pathname) u.pathname = new URL(collapsed, 'http://x').pathname;
  const params = [...u.searchParams].filter(([key]) => !TRACKING_PARAM.test(key));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = params.length ? new URLSearchParams(params).toString() : '';
  return u.href;
}

/** `URL.host` (with port) of a URL, or '' when unparsable. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
