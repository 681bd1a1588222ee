import { NetworkPolicy } from '../../crawlers/index.ts';
import { type AllowPrivate, UserError } from '../core/index.ts';

/**
 * Refuses, before anything is crawled, a target on a private, loopback or link-local address that
 * `allowPrivate` does not allow (the fetchers and the browser's proxy check every connection again).
 * A name that does not resolve is not refused here: the crawl records it as dns_error.
 */
export async function assertReachableTarget(url: string, allowPrivate: AllowPrivate): Promise<void> {
  if (allowPrivate === true) return;
  const target = new URL(url);
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const destination = await new NetworkPolicy({ allowPrivate }).resolve(target.hostname, port);
  if (!destination.ok && destination.status === 'private_address') {
    throw new UserError(
      `${target.host} is on a private or loopback address. portal-audit refuses such targets so it cannot ` +
        'be turned against an internal network; pass --allow-private (or --allow-private <host[:port]>) ' +
        'if you mean to audit a site on your own network.',
    );
  }
}
