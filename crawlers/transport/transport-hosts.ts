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
