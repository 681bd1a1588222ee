import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Addresses a public-portal crawler must never be steered to (SSRF guard). */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return BLOCKED.check(mapped[1], 'ipv4');
  const family = isIP(bare);
  if (family === 4) return BLOCKED.check(bare, 'ipv4');
  if (family === 6) return BLOCKED.check(bare, 'ipv6');
  return false;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '::1' ||
    host === '::ffff:127.0.0.1'
  );
}

/**
 * Whether a host name points at a private, loopback or link-local address. Chromium resolves
 * `*.localhost` to loopback itself, so those names count as private without a lookup. Names that do
 * not resolve are not private (the browser will report the DNS error).
 */
export class PrivateHostCheck {
  readonly #cache = new Map<string, Promise<string | null>>();

  /** The offending address (or name) when the host is private, else null. */
  check(hostname: string): Promise<string | null> {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    let pending = this.#cache.get(host);
    if (!pending) {
      pending = this.#resolve(host);
      if (this.#cache.size > 500) this.#cache.clear();
      this.#cache.set(host, pending);
    }
    return pending;
  }

  async #resolve(host: string): Promise<string | null> {
    if (host === 'localhost' || host.endsWith('.localhost')) return host;
    if (isIP(host)) return isPrivateAddress(host) ? host : null;
    try {
      const addresses = await lookup(host, { all: true, verbatim: true });
      return addresses.find((a) => isPrivateAddress(a.address))?.address ?? null;
    } catch {
      return null;
    }
  }
}
