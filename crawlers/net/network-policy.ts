import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type AllowPrivate, type FetchStatus, withDeadline } from '../../src/core/index.ts';
import { isPrivateAddress } from '../http/private-address.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Where a connection may go: the one address it must connect to, or why it may not. */
export type Destination =
  | { ok: true; address: string; family: 4 | 6 }
  | { ok: false; status: Extract<FetchStatus, 'private_address' | 'dns_error' | 'error'>; reason: string };

export interface NetworkPolicyOptions {
  /** false: no private address; true: every one; a list: only those `host[:port]` entries. @default false */
  allowPrivate?: AllowPrivate;
  /** Classifies resolved addresses. Tests substitute it to call one loopback address "public". */
  isPrivate?: (address: string) => boolean;
  /** Resolves a host name. Tests substitute it (DNS rebinding). @default the system resolver */
  lookup?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Tests: refuse every address outside 127.0.0.0/8 and ::1, so nothing leaves the machine. */
  onlyLoopback?: boolean;
}

export interface AllowEntry {
  host: string;
  port: number | null;
}

const LOOKUP_TIMEOUT_MS = 10_000;

/**
 * The one decision on where the crawler's connections may go, made on the address that is actually
 * connected to: the HTTP fetcher's connector and the browser's forward proxy resolve through it and
 * connect to the address it returns, so a name cannot resolve to one address when checked and
 * another when used (DNS rebinding). A name that does not resolve is refused, never let through.
 */
export class NetworkPolicy {
  readonly #allowAll: boolean;
  readonly #allowList: AllowEntry[];
  readonly #isPrivate: (address: string) => boolean;
  readonly #lookup: (hostname: string) => Promise<ResolvedAddress[]>;
  readonly #onlyLoopback: boolean;
  readonly #options: NetworkPolicyOptions;
  /** Identifies the policy (browsers and connection pools are shared per key). */
  readonly key: string;

  constructor(options: NetworkPolicyOptions = {}) {
    this.#options = options;
    const allow = options.allowPrivate ?? false;
    this.#allowAll = allow === true;
    this.#allowList = Array.isArray(allow) ? allow.map(toAllowEntry) : [];
    this.#isPrivate = options.isPrivate ?? isPrivateAddress;
    this.#lookup = options.lookup ?? systemLookup;
    this.#onlyLoopback = options.onlyLoopback ?? false;
    this.key = [
      this.#allowAll ? 'all' : this.#allowList.map((e) => `${e.host}:${e.port ?? '*'}`).join(',') || 'none',
      this.#onlyLoopback ? 'loopback-only' : '',
      options.isPrivate || options.lookup ? 'custom' : '',
    ].join('|');
  }

  /** The same policy, refusing also every address outside loopback (tests: nothing leaves the machine). */
  loopbackOnly(): NetworkPolicy {
    return this.#onlyLoopback ? this : new NetworkPolicy({ ...this.#options, onlyLoopback: true });
  }

  /** Resolves `hostname` and decides whether a connection to it on `port` may be made. Never throws. */
  async resolve(hostname: string, port: number): Promise<Destination> {
    const host = bareHost(hostname);
    if (host === '') return { ok: false, status: 'error', reason: 'Empty host name' };
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.#addressesOf(host);
    } catch (error) {
      return { ok: false, status: 'dns_error', reason: `${host} does not resolve (${describe(error)})` };
    }
    if (addresses.length === 0) return { ok: false, status: 'dns_error', reason: `${host} has no address` };
    let refusal: Destination | null = null;
    for (const candidate of addresses) {
      const verdict = this.#judge(host, port, candidate);
      if (verdict.ok) return verdict;
      refusal ??= verdict;
    }
    return refusal as Destination;
  }

  #judge(host: string, port: number, { address, family }: ResolvedAddress): Destination {
    if (this.#onlyLoopback && !isLoopbackAddress(address)) {
      return {
        ok: false,
        status: 'error',
        reason: `Blocked non-loopback address ${address} of ${host} (tests)`,
      };
    }
    if (!this.#isPrivate(address) || this.#allowAll || this.#allowed(host, address, port)) {
      return { ok: true, address, family };
    }
    return { ok: false, status: 'private_address', reason: privateAddressMessage(host, address, port) };
  }

  #allowed(host: string, address: string, port: number): boolean {
    return this.#allowList.some(
      (entry) =>
        (entry.host === host || entry.host === address) && (entry.port === null || entry.port === port),
    );
  }

  async #addressesOf(host: string): Promise<ResolvedAddress[]> {
    const family = isIP(host);
    if (family === 4 || family === 6) return [{ address: host, family }];
    // Browsers resolve *.localhost to loopback themselves; so does the policy, so both agree.
    if (host === 'localhost' || host.endsWith('.localhost')) {
      return [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ];
    }
    return withDeadline(this.#lookup(host), LOOKUP_TIMEOUT_MS, `The lookup of ${host}`);
  }
}

/**
 * Parses one `--allow-private` entry: `host`, `host:port`, an IPv6 address or `[v6]:port`; the host
 * lower-cased and without a trailing dot. Null when the entry is none of these.
 */
export function parseAllowEntry(raw: string): AllowEntry | null {
  const text = raw.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(text);
  const plain = /^([a-z0-9_.-]+)(?::(\d{1,5}))?$/.exec(text);
  const [host, port] = bracketed
    ? [bracketed[1], bracketed[2]]
    : isIP(text) === 6
      ? [text, undefined]
      : plain
        ? [plain[1], plain[2]]
        : [undefined, undefined];
  if (!host || (port !== undefined && Number(port) > 65535)) return null;
  return { host: bareHost(host), port: port === undefined ? null : Number(port) };
}

function toAllowEntry(raw: string): AllowEntry {
  const entry = parseAllowEntry(raw);
  if (!entry) throw new TypeError(`--allow-private: "${raw}" is not a host or host:port`);
  return entry;
}

export function bareHost(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.+$/, '');
}

export function isLoopbackAddress(address: string): boolean {
  const ip = address.replace(/^::ffff:/i, '');
  return /^127\.\d+\.\d+\.\d+$/.test(ip) || ip === '::1';
}

export function privateAddressMessage(host: string, address: string, port?: number): string {
  const where = host === address ? address : `${host}, which resolves to ${address}`;
  return (
    `Refused ${where}${port ? ` (port ${port})` : ''}: a private, loopback or link-local address. ` +
    'Pass --allow-private <host[:port]> to audit a site on your own network.'
  );
}

async function systemLookup(hostname: string): Promise<ResolvedAddress[]> {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/** The default policy: no private, loopback or link-local address is reached. */
export const PUBLIC_ONLY = new NetworkPolicy();
