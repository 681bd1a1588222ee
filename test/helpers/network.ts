import { NetworkPolicy } from '../../crawlers/net/network-policy.ts';

/** Every private and loopback address allowed: for tests whose fixture servers are on 127.0.0.x. */
export const ANY_PRIVATE = new NetworkPolicy({ allowPrivate: true });
