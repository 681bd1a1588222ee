import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress } from '../http/private-address.ts';

const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 1000;

function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** 127.x, ::1, localhost and *.localhost: the hosts a test browser may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = bareHost(hostname);
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '::1' ||
    /^::ffff:127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/**
 * Decides whether a host points at a private, loopback or link-local address (the browser's SSRF
 * guard). Chromium resolves `*.localhost` to loopback on its own, so those names are private without
 * a lookup. Names that do not resolve here are let through: the browser reports the DNS error.
 * Results are cached briefly per host, since every request of a page asks.
 */
export class PrivateHostCheck {
  readonly #cache = new Map<string, { at: number; result: Promise<string | null> }>();
  readonly #isPrivate: (address: string) => boolean;

  /** `isPrivate` classifies resolved addresses; tests substitute it to make one loopback address "public". */
  constructor(options: { isPrivate?: (address: string) => boolean } = {}) {
    this.#isPrivate = options.isPrivate ?? isPrivateAddress;
  }

  /** The offending address (or name) when the host is private, else null. */
  check(hostname: string): Promise<string | null> {
    const host = bareHost(hostname);
    const now = performance.now();
    const cached = this.#cache.get(host);
    if (cached && now - cached.at < CACHE_TTL_MS) return cached.result;
    if (this.#cache.size >= CACHE_MAX) this.#cache.clear();
    const result = this.#resolve(host);
    this.#cache.set(host, { at: now, result });
    return result;
  }

  async #resolve(host: string): Promise<string | null> {
    if (host === 'localhost' || host.endsWith('.localhost')) return host;
    if (isIP(host)) return this.#isPrivate(host) ? host : null;
    try {
      const addresses = await lookup(host, { all: true, verbatim: true });
      return addresses.find((a) => this.#isPrivate(a.address))?.address ?? null;
    } catch {
      return null;
    }
  }

  /** The first URL (of a redirect chain, say) whose host is private, with the reason; null when none. */
  async firstPrivate(urls: string[]): Promise<{ url: string; reason: string } | null> {
    for (const url of urls) {
      let host: string;
      try {
        host = new URL(url).hostname;
      } catch {
        continue;
      }
      const address = await this.check(host);
      if (address !== null) return { url, reason: privateHostMessage(host, address) };
    }
    return null;
  }
}

export function privateHostMessage(host: string, address: string): string {
  return (
    `Refused: ${host} resolves to ${address}, a private, loopback or link-local address. ` +
    'Pass --allow-private (allowPrivate: true) to audit internal or local sites.'
  );
}
