import { type Dispatcher, request } from 'undici';
import type { FetchStatus } from '../../src/core/index.ts';
import type { FetchOutcome, HttpFetchOptions } from '../contracts.ts';
import { emptyFetchOutcome } from '../fetch-outcome.ts';
import { PUBLIC_ONLY } from '../net/network-policy.ts';
import { agentFor, closeAgents } from '../net/policy-connector.ts';
import { classifyError, isBlockingHttpStatus, isChallengePage } from './classify.ts';
import {
  decodeDocument,
  isHtmlContentType,
  isTextContentType,
  looksBinary,
  sniffsAsHtml,
} from './decode-body.ts';
import { ACCEPT_ENCODING, discardBody, readCapped } from './read-body.ts';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 10;
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
/** Error pages are read only this far (to spot a challenge wall), never to the byte cap. */
const ERROR_BODY_BYTES = 256 * 1024;

/** Closes the shared connection pools (for a clean process exit). */
export const closeHttpAgents = closeAgents;

export interface TextFetchOutcome extends FetchOutcome {
  /** Decoded body of a text response (robots.txt, sitemap XML) when status is ok, else null. */
  text: string | null;
}

type Expect = 'html' | 'text';

/** Fetches an HTML page. Never throws: every failure ends in a FetchStatus. */
export async function httpFetch(url: string, options: HttpFetchOptions): Promise<FetchOutcome> {
  const { text, ...outcome } = await fetchDocument(url, options, 'html');
  return { ...outcome, html: text };
}

/** Fetches a text resource (robots.txt, sitemap XML) with the same guards; `html` stays null. */
export function httpFetchText(url: string, options: HttpFetchOptions): Promise<TextFetchOutcome> {
  return fetchDocument(url, options, 'text');
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

class FetchStop extends Error {
  constructor(
    readonly status: FetchStatus,
    message: string,
  ) {
    super(message);
  }
}

async function fetchDocument(
  url: string,
  options: HttpFetchOptions,
  expect: Expect,
): Promise<TextFetchOutcome> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const outcome: TextFetchOutcome = { ...emptyFetchOutcome(url, 'error'), text: null };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  try {
    const res = await followRedirects(url, options, expect, controller.signal, outcome, maxRedirects);
    outcome.httpStatus = res.statusCode;
    outcome.headers = flattenHeaders(res.headers);
    outcome.contentType = outcome.headers['content-type'] ?? null;
    const { status, text, error } = await readResponse(res, outcome, expect, maxBytes);
    outcome.status = status;
    outcome.text = status === 'ok' ? text : null;
    if (error) outcome.error = error;
  } catch (err) {
    if (err instanceof FetchStop) {
      outcome.status = err.status;
      outcome.error = err.message;
    } else if (timedOut) {
      outcome.status = 'timeout';
      outcome.error = `No complete response within ${timeoutMs} ms`;
    } else if (options.signal?.aborted) {
      outcome.status = 'error';
      outcome.error = 'aborted';
    } else {
      Object.assign(outcome, classifyError(err));
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
  outcome.fetchMs = Math.round(performance.now() - started);
  return outcome;
}

async function followRedirects(
  url: string,
  options: HttpFetchOptions,
  expect: Expect,
  signal: AbortSignal,
  outcome: FetchOutcome,
  maxRedirects: number,
): Promise<Dispatcher.ResponseData> {
  let current = url;
  let method: 'GET' | 'POST' = options.method ?? 'GET';
  let body = options.body;
  const seen = new Set<string>();
  for (;;) {
    const target = parseTarget(current);
    seen.add(target.href);
    outcome.finalUrl = target.href;
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept:
        expect === 'html'
          ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5'
          : 'text/plain,application/xml,text/xml;q=0.9,*/*;q=0.5',
      'accept-language': '*',
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await request(target.href, {
      method,
      headers,
      body,
      signal,
      dispatcher: agentFor(options.network ?? PUBLIC_ONLY),
    });
    const location = res.headers.location;
    if (!REDIRECT_CODES.has(res.statusCode) || typeof location !== 'string') return res;
    await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    outcome.redirects.push(target.href);
    let next: URL;
    try {
      next = new URL(location, target);
    } catch {
      throw new FetchStop('error', `Invalid redirect location: ${location.slice(0, 200)}`);
    }
    next.hash = '';
    if (seen.has(next.href)) {
      throw new FetchStop('redirect_loop', `Redirect loop: ${next.href} repeats in the chain`);
    }
    if (outcome.redirects.length > maxRedirects) {
      throw new FetchStop('redirect_loop', `More than ${maxRedirects} redirects`);
    }
    if (res.statusCode === 303 || (method === 'POST' && res.statusCode !== 307 && res.statusCode !== 308)) {
      method = 'GET';
      body = undefined;
    }
    current = next.href;
  }
}

function parseTarget(href: string): URL {
  let target: URL;
  try {
    target = new URL(href);
  } catch {
    throw new FetchStop('error', `Invalid URL: ${href.slice(0, 200)}`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new FetchStop('error', `Unsupported scheme: ${target.protocol}`);
  }
  target.hash = '';
  return target;
}

interface ReadResult {
  status: FetchStatus;
  text: string | null;
  error?: string;
}

async function readResponse(
  res: Dispatcher.ResponseData,
  outcome: FetchOutcome,
  expect: Expect,
  maxBytes: number,
): Promise<ReadResult> {
  const code = res.statusCode;
  if (isBlockingHttpStatus(code)) {
    await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    return { status: 'bot_blocked', text: null, error: `HTTP ${code}` };
  }
  if (code >= 400) {
    const bytes = await readCapped(res.body, ERROR_BODY_BYTES, outcome.headers['content-encoding']);
    outcome.bytes = bytes?.length ?? ERROR_BODY_BYTES;
    if (bytes && isChallengePage(decodeDocument(bytes, outcome.contentType))) {
      return { status: 'bot_blocked', text: null, error: `HTTP ${code} challenge page` };
    }
    return { status: code >= 500 ? 'http_5xx' : 'http_4xx', text: null, error: `HTTP ${code}` };
  }
  if (code >= 300 || code < 200) {
    discardBody(res.body);
    return { status: 'error', text: null, error: `HTTP ${code} without a usable redirect` };
  }
  const declaredLength = Number(outcome.headers['content-length'] ?? Number.NaN);
  if (declaredLength > maxBytes) {
    discardBody(res.body);
    return { status: 'too_large', text: null, error: `Content-Length ${declaredLength} > ${maxBytes} bytes` };
  }
  const typeOk =
    expect === 'html'
      ? outcome.contentType === null || isHtmlContentType(outcome.contentType)
      : isTextContentType(outcome.contentType);
  if (!typeOk) {
    discardBody(res.body);
    return { status: 'not_html', text: null, error: `Content-Type ${outcome.contentType}` };
  }
  const bytes = await readCapped(res.body, maxBytes, outcome.headers['content-encoding']);
  if (!bytes) {
    outcome.bytes = maxBytes;
    return { status: 'too_large', text: null, error: `Body larger than ${maxBytes} bytes` };
  }
  outcome.bytes = bytes.length;
  if (looksBinary(bytes)) return { status: 'not_html', text: null, error: 'Binary content' };
  if (expect === 'html' && outcome.contentType === null && !sniffsAsHtml(bytes)) {
    return { status: 'not_html', text: null, error: 'No Content-Type and the body is not HTML' };
  }
  const text = decodeDocument(bytes, outcome.contentType);
  if (expect === 'html' && isChallengePage(text)) {
    return { status: 'bot_blocked', text: null, error: 'Bot challenge page' };
  }
  return { status: 'ok', text };
}
