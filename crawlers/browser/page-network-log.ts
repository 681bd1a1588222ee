import type { CDPSession, Page } from 'playwright-core';
import type { PagePerformance, ThirdPartyHost } from '../../src/core/index.ts';
import { devtools, pageTargetId } from './page-devtools.ts';
import { isThirdParty } from './registrable-site.ts';

export const MAX_THIRD_PARTY_HOSTS = 50;
export const MAX_MIXED_CONTENT = 20;
/** Requests remembered one by one; a page making more is still counted, its later requests are not kept. */
const MAX_TRACKED = 2000;
/** Resource types that can act on the page: blocked as mixed content rather than upgraded. */
const ACTIVE_TYPES = new Set(['script', 'stylesheet', 'iframe', 'fetch', 'xhr', 'eventsource', 'websocket']);

/** The fields we read of the protocol's events (its types are not exported by playwright-core). */
interface RequestWillBeSent {
  requestId: string;
  request: { url: string; mixedContentType?: string };
  type?: string;
  frameId?: string;
  redirectResponse?: { encodedDataLength: number };
}

interface LoadingFinished {
  requestId: string;
  encodedDataLength: number;
}

interface LoggedRequest {
  url: string;
  host: string;
  resourceType: string;
  bytes: number;
  mixed: 'blockable' | 'optionally-blockable' | null;
}

export type RequestSummary = Pick<
  PagePerformance,
  'requests' | 'transferBytes' | 'thirdParty' | 'mixedContent'
> & { hosts: string[] };

/**
 * The requests of one page load, as the DevTools protocol reports them on our own session: every
 * http(s) request (redirect hops, subframes and blocked requests included) with the bytes it
 * transferred (`encodedDataLength`: headers and body as received). Playwright's request events
 * carry no sizes; asking it for each request's sizes is a round trip per request.
 */
export class NetworkLog {
  #byId = new Map<string, LoggedRequest>();
  #requests = 0;
  #bytes = 0;

  constructor(readonly mainFrameId: string) {}

  onRequestWillBeSent(event: RequestWillBeSent): void {
    const { request, type, frameId, redirectResponse, requestId } = event;
    const previous = this.#byId.get(requestId);
    if (previous && redirectResponse) this.#add(previous, redirectResponse.encodedDataLength);
    // A new main-frame document (a redirect hop keeps its request id): what came before was not this page.
    if (type === 'Document' && frameId === this.mainFrameId && !redirectResponse) this.#reset();
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    this.#requests++;
    if (this.#byId.size >= MAX_TRACKED && !previous) return;
    const subframe = type === 'Document' && frameId !== this.mainFrameId;
    const mixed = request.mixedContentType;
    this.#byId.set(requestId, {
      url: request.url,
      host: url.hostname,
      resourceType: subframe ? 'iframe' : (type ?? 'Other').toLowerCase(),
      bytes: 0,
      mixed: mixed === 'blockable' || mixed === 'optionally-blockable' ? mixed : null,
    });
    // Redirect hops are logged under one id: the earlier hop is kept under a key of its own.
    if (previous) this.#byId.set(`${requestId}#${this.#requests}`, previous);
  }

  onLoadingFinished(event: LoadingFinished): void {
    const entry = this.#byId.get(event.requestId);
    if (entry) this.#add(entry, event.encodedDataLength);
    else this.#bytes += event.encodedDataLength;
  }

  #add(entry: LoggedRequest, bytes: number): void {
    if (!Number.isFinite(bytes) || bytes <= 0) return;
    entry.bytes += bytes;
    this.#bytes += bytes;
  }

  #reset(): void {
    this.#byId.clear();
    this.#requests = 0;
    this.#bytes = 0;
  }

  /** Totals, third-party hosts (outside `pageUrl`'s registrable domain) and mixed content so far. */
  summary(pageUrl: string): RequestSummary {
    const pageIsHttps = pageUrl.startsWith('https:');
    const byHost = new Map<string, ThirdPartyHost>();
    const hosts = new Set<string>();
    const mixedContent: PagePerformance['mixedContent'] = [];
    for (const entry of this.#byId.values()) {
      hosts.add(entry.host);
      if (isThirdParty(entry.host, pageUrl)) {
        const host = byHost.get(entry.host) ?? { host: entry.host, requests: 0, bytes: 0 };
        host.requests++;
        host.bytes += entry.bytes;
        byHost.set(entry.host, host);
      }
      const mixed = entry.mixed !== null || (pageIsHttps && entry.url.startsWith('http:'));
      if (mixed && mixedContent.length < MAX_MIXED_CONTENT) {
        mixedContent.push({
          url: entry.url,
          resourceType: entry.resourceType,
          active: entry.mixed === 'blockable' || ACTIVE_TYPES.has(entry.resourceType),
        });
      }
    }
    const thirdParty = [...byHost.values()]
      .sort((a, b) => b.requests - a.requests || b.bytes - a.bytes || a.host.localeCompare(b.host))
      .slice(0, MAX_THIRD_PARTY_HOSTS);
    return {
      requests: this.#requests,
      transferBytes: this.#bytes,
      thirdParty,
      mixedContent,
      hosts: [...hosts],
    };
  }
}

/** The log each page's events go to now (the page serves one render after another). */
const current = new WeakMap<Page, NetworkLog>();
const watched = new WeakMap<Page, Promise<CDPSession>>();

function listen(page: Page): Promise<CDPSession> {
  let ready = watched.get(page);
  if (!ready) {
    ready = (async () => {
      const session = await devtools(page);
      session.on('Network.requestWillBeSent', (event) => current.get(page)?.onRequestWillBeSent(event));
      session.on('Network.loadingFinished', (event) => current.get(page)?.onLoadingFinished(event));
      // Our session keeps no response bodies: Playwright's own session is the one that serves them.
      await session.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
      return session;
    })();
    ready.catch(() => watched.delete(page));
    watched.set(page, ready);
  }
  return ready;
}

/** Starts a new log of the page's requests (call before the navigation). */
export async function logRequests(page: Page): Promise<NetworkLog> {
  const [, mainFrameId] = await Promise.all([listen(page), pageTargetId(page)]);
  const log = new NetworkLog(mainFrameId);
  current.set(page, log);
  return log;
}
