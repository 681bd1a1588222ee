import { type HostTransport, TRANSPORT_NOT_CHECKED, type TransportArtifact } from '../../src/core/index.ts';
import { runPool } from '../crawl/run-pool.ts';
import { checkHost, type TransportTarget } from './host-transport.ts';
import { describeError, type ProbeOptions } from './probe-options.ts';
import { fetchSecurityTxt } from './security-txt.ts';

/** Hosts checked at once. */
export const TRANSPORT_CONCURRENCY = 3;

export interface TransportCheckInput {
  /** The portal first (role 'portal'), then the service hosts (see transportTargets). */
  targets: readonly TransportTarget[];
  options: ProbeOptions;
  /** Called as each host is done (progress; it keeps the crawl's watchdog fed). */
  onHost?: (host: HostTransport) => void;
}

export function notChecked(target: TransportTarget, why: string): HostTransport {
  return unchecked(target, `${TRANSPORT_NOT_CHECKED} its pages did not answer during the crawl (${why})`);
}

/** A host whose transport facts are not known, and why. */
function unchecked(target: TransportTarget, error: string): HostTransport {
  return {
    host: target.host,
    role: target.role,
    https: false,
    httpRedirectsToHttps: null,
    tls: null,
    hsts: null,
    error,
  };
}

/**
 * How the portal and its service hosts are reached, and the portal's security.txt. Every connection
 * has its own deadline and stops with the crawl's signal, so the check ends in about
 * ceil(hosts / TRANSPORT_CONCURRENCY) deadlines at most. Never throws.
 */
export async function checkTransport({
  targets,
  options,
  onHost,
}: TransportCheckInput): Promise<TransportArtifact> {
  const checkedAt = new Date().toISOString();
  const hosts: (HostTransport | undefined)[] = new Array(targets.length);
  const portal = targets.find((t) => t.role === 'portal');
  const securityTxt = portal
    ? fetchSecurityTxt(portal.hostname, portal.httpsPort, options)
    : Promise.resolve(null);
  let next = 0;
  await runPool(TRANSPORT_CONCURRENCY, () => {
    const index = next++;
    const target = targets[index];
    if (!target) return null;
    return async () => {
      const host = await checkHost(target, options).catch((error: unknown) =>
        unchecked(target, describeError(error)),
      );
      hosts[index] = host;
      onHost?.(host);
    };
  });
  return {
    checkedAt,
    hosts: hosts.filter((h): h is HostTransport => h !== undefined),
    securityTxt: (await securityTxt) ?? { url: '', found: false, contacts: [], expires: null, expired: null },
  };
}
