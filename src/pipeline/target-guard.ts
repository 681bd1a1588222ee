import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress } from '../../crawlers/http/private-address.ts';
import { UserError } from '../core/index.ts';

/**
 * Refuses targets that resolve to private, loopback or link-local addresses before anything is crawled
 * (the fetchers check every connection again). Tests and the demo pass --allow-private.
 */
export async function assertPublicTarget(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      return; // Unresolvable names are not refused here: the crawl records them as dns_error.
    }
  }
  const blocked = addresses.filter(isPrivateAddress);
  if (blocked.length > 0) {
    throw new UserError(
      `${host} resolves to a private or loopback address (${blocked.join(', ')}). ` +
        'portal-audit refuses such targets so it cannot be turned against an internal network; ' +
        'pass --allow-private if you mean to audit a site on your own network.',
    );
  }
}
