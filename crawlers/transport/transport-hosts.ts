import type { TransportTarget } from './host-transport.ts';

/** Service hosts checked besides the portal's. */
export const MAX_SERVICE_HOSTS = 10;

/**
 * The hosts the transport check looks at: the portal's (the host of its final home URL), then, as
 * 'service' hosts, the other hosts of pages the crawl fetched — portal sub-hosts such as
 * tramites.city.gov and the one-hop external pages, which the crawl only follows when they are linked
 * as services or language versions — in host-name order, at most MAX_SERVICE_HOSTS. The order makes
 * the choice the same whatever order the pages were fetched in. `notServices` are hosts that are the
 * portal under another name (the home URL as typed, before its redirect).
 */
export function transportTargets(
  portalUrl: string,
  fetchedUrls: Iterable<string>,
  notServices: Iterable<string> = [],
): TransportTarget[] {
  const portal = targetOf(portalUrl, 'portal');
  const skip = new Set([portal?.host, ...[...notServices].map((url) => targetOf(url, 'portal')?.host)]);
  const services = new Map<string, TransportTarget>();
  for (const url of fetchedUrls) {
    const target = targetOf(url, 'service');
    if (!target || skip.has(target.host)) continue;
    // Where one host was fetched over both schemes, its https: address names its ports.
    const known = services.get(target.host);
    if (!known || (known.httpsPort === 443 && target.httpsPort !== 443)) services.set(target.host, target);
  }
  const chosen = [...services.values()]
    .sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0))
    .slice(0, MAX_SERVICE_HOSTS);
  return [...(portal ? [portal] : []), ...chosen];
}

/**
 * The host of an http(s) URL and its ports: an explicit port serves the URL's own scheme, the other
 * scheme keeps its default port (https://host:8443/ → TLS on 8443, http:// on 80).
 */
export function targetOf(href: string, role: TransportTarget['role']): TransportTarget | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  const port = url.port ? Number(url.port) : null;
  const https = url.protocol === 'https:';
  return {
    host: url.host,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    role,
    httpsPort: https ? (port ?? 443) : 443,
    httpPort: https ? 80 : (port ?? 80),
  };
}

/**
 * Whether the first hop of a fetch of `url`, when it is http://host/, went to an https: address:
 * what the transport check asks of http://host/, known already from the crawl's fetch of the home
 * page. Null when `url` is not an http:// root or the fetch did not start there.
 */
export function firstHopToHttps(url: string, redirects: readonly string[], finalUrl: string): boolean | null {
  const root = targetOf(url, 'portal');
  if (!root || new URL(url).href !== `http://${root.host}/`) return null;
  const hops = [...redirects, finalUrl];
  if (hops[0] !== `http://${root.host}/`) return null;
  return hops[1]?.startsWith('https:') ?? false;
}

/** The targets, the one whose http://host/ is `homeUrl` carrying what the crawl saw it answer. */
export function withSeenRedirect(
  targets: TransportTarget[],
  homeUrl: string,
  seen: boolean | null,
): TransportTarget[] {
  const home = targetOf(homeUrl, 'portal');
  if (seen === null || !home) return targets;
  return targets.map((t) =>
    t.hostname === home.hostname && t.httpPort === home.httpPort ? { ...t, httpRedirectSeen: seen } : t,
  );
}
