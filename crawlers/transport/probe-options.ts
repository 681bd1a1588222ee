import type { NetworkPolicy } from '../net/network-policy.ts';

/** How the transport check reaches a host: every connection through the policy, each with a deadline. */
export interface ProbeOptions {
  network: NetworkPolicy;
  userAgent: string;
  /** Deadline of each connection or request (the whole of it: lookup, handshake, response). */
  timeoutMs: number;
  /** PEM certificates trusted besides Node's roots (an intranet CA; a test's local CA). */
  trustedCa?: readonly string[];
  /** The crawl's abort signal: aborting ends every probe at once. */
  signal?: AbortSignal;
}

/** Aborts at the deadline or with the caller's signal, whichever comes first. */
export function deadlineSignal(options: ProbeOptions): AbortSignal {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  return options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${code}: ${error.message}`
      : error.message;
  }
  return String(error);
}

/** Why a probe ended early: the crawl was aborted, or the deadline passed. */
export function abortMessage(options: ProbeOptions): string {
  return options.signal?.aborted ? 'aborted' : `No answer within ${options.timeoutMs} ms`;
}

/** The work's result, or null once the signal aborts (the work is left to finish unheard). */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
