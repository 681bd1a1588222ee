import { getDomain } from 'tldts';

/**
 * Same-site scope by registrable domain (eTLD+1): www.city.gov.xx and services.city.gov.xx are one
 * portal. IP addresses and single-label hosts (localhost) are compared as whole host names, with
 * the port, so two fixture servers on 127.0.0.1 are different sites.
 */
export function siteKey(url: string | URL): string | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const domain = getDomain(u.hostname);
  return domain ?? u.host;
}

export function isSameSite(a: string | URL, b: string | URL): boolean {
  const ka = siteKey(a);
  return ka !== null && ka === siteKey(b);
}
