import { type HostTransport, parseHsts } from '../../src/core/index.ts';
import type { ProbeOptions } from './probe-options.ts';
import { requestOnce, urlOf } from './request-once.ts';
import { probeTls } from './tls-probe.ts';

/** A host to check, with the ports its https:// and http:// addresses use. */
export interface TransportTarget {
  /** As recorded: the host of the URL it was found in (with its port only when that is not the default). */
  host: string;
  hostname: string;
  role: HostTransport['role'];
  httpsPort: number;
  httpPort: number;
  /** What http://host/ answered when the crawl itself fetched it (the home page): not asked again. */
  httpRedirectSeen?: boolean;
}

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

/**
 * Checks how one host is reached: the TLS handshake and certificate, the HSTS header of https://host/
 * and whether http://host/ redirects to https. The three run at once, each with its own deadline.
 */
export async function checkHost(target: TransportTarget, options: ProbeOptions): Promise<HostTransport> {
  const [tls, hsts, httpRedirectsToHttps] = await Promise.all([
    probeTls(target.hostname, target.httpsPort, options),
    readHsts(target, options),
    target.httpRedirectSeen ?? redirectsToHttps(target, options),
  ]);
  return {
    host: target.host,
    role: target.role,
    https: tls.ok,
    httpRedirectsToHttps,
    tls: tls.ok ? tls.tls : null,
    hsts,
    ...(tls.ok ? {} : { error: tls.error }),
  };
}

async function readHsts(target: TransportTarget, options: ProbeOptions): Promise<HostTransport['hsts']> {
  const res = await requestOnce(urlOf('https', target.hostname, target.httpsPort), options);
  return res.ok ? parseHsts(res.headers['strict-transport-security']) : null;
}

/** True: a redirect to an https: address; false: answered otherwise; null: http:// not reached. */
async function redirectsToHttps(target: TransportTarget, options: ProbeOptions): Promise<boolean | null> {
  const url = urlOf('http', target.hostname, target.httpPort);
  const res = await requestOnce(url, options);
  if (!res.ok) return null;
  const location = res.headers.location;
  if (!REDIRECT_CODES.has(res.status) || !location) return false;
  try {
    return new URL(location, url).protocol === 'https:';
  } catch {
    return false;
  }
}
