import { getDomain } from 'tldts';

/**
 * The site a host name belongs to: its registrable domain (eTLD+1), or the host name itself for
 * an IP address or a name without one (localhost). Ports do not count: cookies ignore them.
 */
export function registrableSite(hostname: string): string {
  const host = hostname.toLowerCase().replace(/^\.+|\.+$/g, '');
  return getDomain(host) ?? host;
}

/** Whether `hostname` (a request's host, a cookie's domain) lies outside the site of `pageUrl`. */
export function isThirdParty(hostname: string, pageUrl: string): boolean {
  let pageHost: string;
  try {
    pageHost = new URL(pageUrl).hostname;
  } catch {
    return false;
  }
  return registrableSite(hostname) !== registrableSite(pageHost);
}
