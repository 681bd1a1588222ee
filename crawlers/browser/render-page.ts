import type { Page, Response } from 'playwright-core';
import {
  collapseWhitespace,
  type FetchStatus,
  type MobileCheck,
  withDeadline,
} from '../../src/core/index.ts';
import type { ConsentMemo, RenderedPage, ViewMemo } from '../contracts.ts';
import { emptyFetchOutcome } from '../fetch-outcome.ts';
import { isChallengePage } from '../http/classify.ts';
import { runAxe } from './axe-run.ts';
import type { ConsentHandler } from './consent/consent-handler.ts';
import { evaluateScript, MEASURE_WIDTH, READ_DOCUMENT } from './in-page.ts';
import { describeError, statusOfNavigationError, statusOfResponse } from './navigation-status.ts';
import { setViewport, viewportScreenshot } from './page-devtools.ts';
import { logRequests, type NetworkLog } from './page-network-log.ts';
import { gatherPerformance, readVitals } from './page-performance.ts';
import type { PageSession } from './page-session.ts';
import { refusedResponse, refusedTunnel } from './proxy-refusals.ts';
import { discoverViews, settleDom } from './view-discovery.ts';

export const MAX_VISIBLE_TEXT = 32_000;
export const DESKTOP_VIEWPORT = { width: 1280, height: 800 } as const;
export const MOBILE_VIEWPORT = { width: 360, height: 740 } as const;
/** After `load`, wait at most this long for the page's own requests (SPA data) to finish. */
const SETTLE_CAP_MS = 1500;
/** The network counts as quiet after this long without a request starting or ending. */
const SETTLE_QUIET_MS = 100;
/** At most this long for closing a consent dialog. */
const CONSENT_CAP_MS = 4000;
/** At most this long for each part of the performance measurement (request log, vitals, cookies). */
const PERFORMANCE_CAP_MS = 2000;

export interface RenderSteps {
  axe: boolean;
  screenshot: boolean;
  mobile: boolean;
  /** Speed, requests and cookies of the load. */
  measure: boolean;
  /** Closes a consent dialog before anything is gathered. */
  consent: ConsentHandler | null;
  /** What the crawl's earlier pages showed of consent dialogs. */
  consentMemo?: ConsentMemo;
  /** A view of a script-drawn app: settle the DOM, then collect its views (last: clicks change the page). */
  views: ViewMemo | null;
}

/** Mutable result, filled step by step, so a render cut by its deadline still returns what it has. */
export interface RenderProgress {
  page: RenderedPage;
  /** The navigation produced a document; gathering had started. */
  navigated: boolean;
  step: string;
}

export function emptyRenderedPage(url: string, status: FetchStatus, error?: string): RenderedPage {
  return {
    ...emptyFetchOutcome(url, status, error),
    visibleText: '',
    render: { screenshot: null, consoleErrors: [], mobile: null, axe: null, renderMs: 0 },
    screenshotJpeg: null,
    views: [],
  };
}

/** URLs that answered with a redirect, in order (the requested URL first); the final URL is not included. */
export function redirectChain(response: Response): string[] {
  const chain: string[] = [];
  for (let request = response.request().redirectedFrom(); request; request = request.redirectedFrom()) {
    chain.unshift(request.url());
  }
  return chain;
}

async function bodySize(response: Response, html: string | null): Promise<number> {
  const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), 300));
  const sizes = await Promise.race([
    response
      .request()
      .sizes()
      .catch(() => null),
    timer,
  ]);
  if (sizes && sizes.responseBodySize > 0) return sizes.responseBodySize;
  const declared = Number(response.headers()['content-length']);
  if (Number.isFinite(declared) && declared > 0) return declared;
  return html ? Buffer.byteLength(html) : 0;
}

/**
 * Loads `url` as a new document of the session's page (up to domcontentloaded). A reused page still
 * holds its retired, hidden document (see the browser pool), and a URL differing from that
 * document's only by its fragment would scroll it instead of loading a new one: such a page goes to
 * about:blank first. A navigation that fails, or that the guard proxy answered itself, says why: the
 * proxy's refusal, else the browser's error.
 */
export async function openDocument(
  session: PageSession,
  url: string,
  timeoutMs: number,
): Promise<{ response: Response | null } | { failure: { status: FetchStatus; reason: string } }> {
  const { page } = session;
  const deadline = performance.now() + timeoutMs;
  try {
    if (url.includes('#') && withoutFragment(page.url()) === withoutFragment(url)) {
      await page.goto('about:blank');
    }
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    const refused = response ? refusedResponse(response) : null;
    return refused ? { failure: refused } : { response };
  } catch (error) {
    const refused = refusedTunnel(page, session.lastDocumentRequest ?? url, session.openedAt);
    // A navigation cut at its deadline may reject as aborted rather than timed out (a loaded browser).
    const status = statusOfNavigationError(error);
    const outOfTime = status === 'error' && performance.now() >= deadline - 50;
    return {
      failure: {
        status: refused?.status ?? (outOfTime ? 'timeout' : status),
        reason: refused?.reason ?? firstLine(error),
      },
    };
  }
}

function withoutFragment(url: string): string {
  return url.split('#')[0] ?? url;
}

/**
 * Navigates and gathers one page. `load` is awaited with a cap (a stuck tracker must not lose a
 * page whose DOM is there); then the page's own requests get up to 1.5 s to finish.
 */
export async function renderPage(
  session: PageSession,
  url: string,
  steps: RenderSteps,
  deadline: number,
  progress: RenderProgress,
): Promise<void> {
  const { page } = session;
  const out = progress.page;
  const started = performance.now();
  const remaining = () => Math.max(1, Math.ceil(deadline - performance.now()));
  progress.step = 'request log';
  const requestLog = steps.measure
    ? await startRequestLog(page, Math.min(PERFORMANCE_CAP_MS, remaining() * 0.1))
    : null;
  progress.step = 'navigation';
  const navigation = await openDocument(session, url, remaining());
  if ('failure' in navigation) {
    out.status = navigation.failure.status;
    out.error = navigation.failure.reason;
    out.fetchMs = Math.round(performance.now() - started);
    return;
  }
  const { response } = navigation;
  if (!response) {
    out.status = 'error';
    out.error = 'Navigation produced no response';
    return;
  }
  progress.step = 'load';
  await page.waitForLoadState('load', { timeout: Math.max(1, remaining() * 0.5) }).catch(() => {});
  out.fetchMs = Math.round(performance.now() - started);
  await session.network.settle(page, SETTLE_QUIET_MS, Math.min(SETTLE_CAP_MS, remaining() * 0.3));

  const finalResponse = session.lastDocument ?? response;
  out.redirects = redirectChain(finalResponse);
  out.httpStatus = finalResponse.status();
  out.headers = finalResponse.headers();
  out.contentType = out.headers['content-type'] ?? null;
  out.finalUrl = page.url();
  const refused = refusedResponse(finalResponse);
  if (refused) {
    // A client-side navigation after load went where the proxy refused to go: nothing of it is kept.
    out.status = refused.status;
    out.error = refused.reason;
    return;
  }
  // Before any script of ours runs in the page: its long tasks would count as the page's.
  if (requestLog) progress.step = 'web vitals';
  const vitals = requestLog ? await readVitals(page, Math.min(PERFORMANCE_CAP_MS, remaining() * 0.1)) : null;
  if (steps.consent) {
    progress.step = 'consent';
    const banner = await steps.consent.close(
      page,
      performance.now() + Math.min(CONSENT_CAP_MS, remaining() * 0.3),
      steps.consentMemo,
    );
    if (banner) out.render.consent = banner;
  }
  // The cookies are read in the browser process while the document is read in the page.
  const measuring =
    requestLog && vitals
      ? gatherPerformance(page, vitals, requestLog, Math.min(PERFORMANCE_CAP_MS, remaining() * 0.1))
      : null;
  if (steps.views) {
    progress.step = 'dom settle';
    await settleDom(session, remaining() * 0.2);
  }

  progress.step = 'document';
  const doc = await evaluateScript<{ html: string; text: string; title: string }>(
    page,
    READ_DOCUMENT,
    MAX_VISIBLE_TEXT * 4,
  );
  out.status = statusOfResponse(out.httpStatus, out.headers, out.contentType, isChallengePage(doc.html));
  if (out.status !== 'not_html') {
    out.html = doc.html;
    out.visibleText = collapseWhitespace(doc.text).slice(0, MAX_VISIBLE_TEXT);
  }
  out.bytes = await bodySize(finalResponse, out.html);
  if (measuring) {
    progress.step = 'requests and cookies';
    const measured = await measuring;
    if (measured) out.render.performance = measured;
  }
  progress.navigated = true;
  if (out.status !== 'ok') {
    out.error ??= describeStatus(out.status, out.httpStatus);
    return;
  }

  // The screenshot is requested first and rasterised off the page's main thread while axe runs on it.
  progress.step = steps.axe ? 'axe' : 'screenshot';
  const shot = steps.screenshot ? viewportScreenshot(page) : null;
  shot?.catch(() => {});
  if (steps.axe) out.render.axe = await runAxe(page);
  if (shot) {
    progress.step = 'screenshot';
    out.screenshotJpeg = await shot;
  }
  if (steps.mobile) {
    progress.step = 'mobile';
    out.render.mobile = await mobileCheck(page);
  }
  if (steps.views) {
    // Last: the clicks change what the page shows. At desktop width, where menus are not collapsed.
    progress.step = 'views';
    await setViewport(page, DESKTOP_VIEWPORT);
    out.views = await discoverViews(session, steps.views, deadline - remaining() * 0.5);
  }
  progress.step = 'done';
}

/** A new log of the page's requests, or null when it cannot be started in time (no measurement then). */
async function startRequestLog(page: Page, capMs: number): Promise<NetworkLog | null> {
  try {
    return await withDeadline(logRequests(page), capMs, 'Starting the request log');
  } catch {
    return null;
  }
}

/** Horizontal scroll at a 360 px wide viewport (the page is left at that size). */
export async function mobileCheck(page: Page): Promise<MobileCheck> {
  await setViewport(page, MOBILE_VIEWPORT);
  const { scrollWidth, clientWidth } = await evaluateScript<{ scrollWidth: number; clientWidth: number }>(
    page,
    MEASURE_WIDTH,
  );
  return {
    viewportWidth: MOBILE_VIEWPORT.width,
    scrollWidth,
    horizontalScroll: scrollWidth > clientWidth + 1,
  };
}

function describeStatus(status: FetchStatus, httpStatus: number | null): string {
  if (status === 'not_html') return 'The main resource is not an HTML document';
  if (status === 'bot_blocked') return `Blocked by the site's bot protection (HTTP ${httpStatus})`;
  return `HTTP ${httpStatus}`;
}

export function firstLine(error: unknown): string {
  const { message } = describeError(error);
  return (message.split('\n')[0] ?? message).slice(0, 500);
}
