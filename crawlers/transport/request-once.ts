import { request } from 'undici';
import { ACCEPT_ENCODING, discardBody, readCapped } from '../http/read-body.ts';
import { unverifiedAgentFor } from '../net/policy-connector.ts';
import {
  abortMessage,
  deadlineSignal,
  describeError,
  type ProbeOptions,
  raceAbort,
} from './probe-options.ts';

export type OnceResponse =
  | { ok: true; status: number; headers: Record<string, string>; text: string | null }
  | { ok: false; error: string };

/**
 * One GET through the network policy, redirects not followed, the certificate not verified (what is
 * read here is what the server sends; its certificate is judged by the TLS probe). The body is read
 * as text up to `maxBodyBytes` (0: not read; longer: null). Never throws.
 */
export async function requestOnce(
  url: string,
  options: ProbeOptions,
  maxBodyBytes = 0,
): Promise<OnceResponse> {
  const signal = deadlineSignal(options);
  // undici heeds the signal only once connected: a handshake that never ends would last its connect timeout.
  const response = await raceAbort(get(url, options, signal, maxBodyBytes), signal);
  return response ?? { ok: false, error: abortMessage(options) };
}

async function get(
  url: string,
  options: ProbeOptions,
  signal: AbortSignal,
  maxBodyBytes: number,
): Promise<OnceResponse> {
  try {
    const res = await request(url, {
      method: 'GET',
      headers: { 'user-agent': options.userAgent, accept: '*/*', 'accept-encoding': ACCEPT_ENCODING },
      signal,
      dispatcher: unverifiedAgentFor(options.network),
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    let text: string | null = null;
    if (maxBodyBytes > 0 && res.statusCode === 200) {
      const bytes = await readCapped(res.body, maxBodyBytes, headers['content-encoding']);
      text = bytes ? new TextDecoder().decode(bytes) : null;
    } else {
      discardBody(res.body);
    }
    return { ok: true, status: res.statusCode, headers, text };
  } catch (error) {
    return {
      ok: false,
      error: signal.aborted ? abortMessage(options) : `GET ${url} failed: ${describeError(error)}`,
    };
  }
}

/** `https://host[:port]/path`, with the port only when it is not the scheme's own. */
export function urlOf(scheme: 'http' | 'https', hostname: string, port: number, path = '/'): string {
  const url = new URL(`${scheme}://${hostname.includes(':') ? `[${hostname}]` : hostname}`);
  url.port = String(port);
  url.pathname = path;
  return url.href;
}
