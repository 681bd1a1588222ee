import { isIP } from 'node:net';
import type { HostLimiter } from '../contracts.ts';
import { isPrivateAddress } from './private-address.ts';

export interface InProcessHostLimiterOptions {
  /** Requests in flight per host. @default 2 */
  maxPerHost?: number;
  /** Minimum delay between the starts of two requests to one host, in ms. @default 500 */
  delayMs?: number;
  /** Delay used instead for loopback and private hosts (tests, local fixtures). @default 0 */
  localDelayMs?: number;
}

interface HostState {
  inFlight: number;
  /** performance.now() of the last request start to this host. */
  lastStart: number;
  delayMs: number;
  waiters: (() => void)[];
  gate: Promise<void>;
}

async function waitTurn(state: HostState): Promise<void> {
  const wait = state.lastStart + state.delayMs - performance.now();
  if (wait > 0) await sleep(wait);
  state.lastStart = performance.now();
}

function isLocalHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return isIP(name) !== 0 && isPrivateAddress(name);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Politeness within one process: at most `maxPerHost` requests in flight per host and a minimum
 * delay between request starts. Hosts are compared with their port (`URL.host`).
 */
export class InProcessHostLimiter implements HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  private readonly maxPerHost: number;
  private readonly delayMs: number;
  private readonly localDelayMs: number;

  constructor(options: InProcessHostLimiterOptions = {}) {
    this.maxPerHost = Math.max(1, options.maxPerHost ?? 2);
    this.delayMs = Math.max(0, options.delayMs ?? 500);
    this.localDelayMs = Math.max(0, options.localDelayMs ?? 0);
  }

  /** Raises (never lowers) the delay for one host, e.g. to honour robots.txt Crawl-delay. */
  setMinDelay(host: string, ms: number): void {
    const state = this.state(host);
    state.delayMs = Math.max(state.delayMs, ms);
  }

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.state(host);
    while (state.inFlight >= this.maxPerHost) {
      await new Promise<void>((resolve) => state.waiters.push(resolve));
    }
    state.inFlight++;
    try {
      // Starts pass one at a time through the host's gate, each measured from the previous actual start.
      const turn = state.gate.then(() => waitTurn(state));
      state.gate = turn;
      await turn;
      return await task();
    } finally {
      state.inFlight--;
      state.waiters.shift()?.();
    }
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = {
        inFlight: 0,
        lastStart: Number.NEGATIVE_INFINITY,
        gate: Promise.resolve(),
        delayMs: isLocalHost(host) ? this.localDelayMs : this.delayMs,
        waiters: [],
      };
      this.hosts.set(host, state);
    }
    return state;
  }
}

/**
 * A limiter that supports `setMinDelay`: the given one when it does, else the given one wrapped
 * with an in-process spacing gate that enforces raised delays (robots.txt Crawl-delay).
 */
export function withDelayControl(limiter: HostLimiter): Required<HostLimiter> {
  if (limiter.setMinDelay) return limiter as Required<HostLimiter>;
  const spacing = new InProcessHostLimiter({
    maxPerHost: Number.MAX_SAFE_INTEGER,
    delayMs: 0,
    localDelayMs: 0,
  });
  return {
    run: (host, task) => limiter.run(host, () => spacing.run(host, task)),
    setMinDelay: (host, ms) => spacing.setMinDelay(host, ms),
  };
}
