import type { Locator, Page, Response } from 'playwright-core';
import { collapseWhitespace, foldText, type SearchProbeResult } from '../../src/core/index.ts';
import { extractPage } from '../extract/extract-page.ts';
import { countOccurrences, failedProbeResult, snippetAround } from '../extract/probe-text.ts';
import { searchRefinements } from '../extract/search-refinements.ts';
import { isSameSite } from '../frontier/scope.ts';
import { isChallengePage } from '../http/classify.ts';
import { evaluateScript, FORCE_SUBMIT, MUTATION_COUNT, READ_RESULTS, WATCH_MUTATIONS } from './in-page.ts';
import { statusOfResponse } from './navigation-status.ts';
import { viewportScreenshot } from './page-devtools.ts';
import type { PageSession } from './page-session.ts';
import { refusedResponse } from './proxy-refusals.ts';
import { MAX_VISIBLE_TEXT, openDocument } from './render-page.ts';

export type ProbeOutcome = SearchProbeResult & { screenshotJpeg: Uint8Array | null };

const REACTION_WAIT_MS = 1500;
const RESULTS_SETTLE_CAP_MS = 5000;
const MAX_LINKS = 3000;
const PLACEHOLDER_HREF = /^\s*(#.*|javascript:.*|)$/i;

export function failedProbe(
  query: string,
  url: string,
  status: ProbeOutcome['status'],
  error: string,
): ProbeOutcome {
  return { ...failedProbeResult(query, url, status, error), screenshotJpeg: null };
}

async function findInput(
  page: Page,
  form: { formSelector: string; inputSelector: string },
): Promise<Locator | null> {
  const candidates = [
    page.locator(form.inputSelector),
    page
      .locator(form.formSelector)
      .locator('input[type="search" i], input[type="text" i], input:not([type])'),
    page.locator('[role="search" i] input, search input, input[type="search" i]'),
  ];
  for (const candidate of candidates) {
    const first = candidate.first();
    if ((await first.count().catch(() => 0)) > 0) return first;
  }
  return null;
}

/** Waits until the submission navigated the page or changed its DOM, up to `ms`. */
async function reacted(session: PageSession, navigationsBefore: number, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (session.mainFrameNavigations > navigationsBefore) return true;
    if ((await evaluateScript<number>(session.page, MUTATION_COUNT).catch(() => 1)) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * Opens the page, types the query into the search input, presses Enter (or submits the form when
 * Enter does nothing), waits for the results, and measures them as the HTTP probe does: query
 * occurrences in the visible text, main-region text length and same-site links.
 */
export async function probeSearchInPage(
  session: PageSession,
  pageUrl: string,
  form: { formSelector: string; inputSelector: string },
  query: string,
  deadline: number,
  options: { screenshot: boolean },
): Promise<ProbeOutcome> {
  const { page } = session;
  const remaining = () => Math.max(1, Math.ceil(deadline - performance.now()));
  const navigation = await openDocument(session, pageUrl, remaining());
  if ('failure' in navigation) {
    return failedProbe(query, pageUrl, navigation.failure.status, navigation.failure.reason);
  }
  const first = navigation.response;
  await page.waitForLoadState('load', { timeout: Math.max(1, remaining() * 0.4) }).catch(() => {});
  await session.network.settle(page, 100, Math.min(1500, remaining() * 0.2));

  const input = await findInput(page, form);
  if (!input) return failedProbe(query, page.url(), 'error', 'Search input not found on the rendered page');
  const navigationsBefore = session.mainFrameNavigations;
  // Count DOM changes only from Enter on: suggestions shown while typing are not results.
  const typed = await input
    .fill(query, { timeout: Math.min(3000, remaining()) })
    .then(() => evaluateScript(page, WATCH_MUTATIONS))
    .then(() => input.press('Enter', { timeout: Math.min(3000, remaining()) }))
    .then(() => true)
    .catch(() => false);
  if (!typed || !(await reacted(session, navigationsBefore, Math.min(REACTION_WAIT_MS, remaining())))) {
    await evaluateScript(page, FORCE_SUBMIT, { inputSelector: form.inputSelector, query }).catch(() => false);
    await reacted(session, navigationsBefore, Math.min(REACTION_WAIT_MS, remaining()));
  }
  const navigated = session.mainFrameNavigations > navigationsBefore;
  if (navigated)
    await page.waitForLoadState('load', { timeout: Math.max(1, remaining() * 0.5) }).catch(() => {});
  await session.network.settle(page, 300, Math.min(RESULTS_SETTLE_CAP_MS, remaining() * 0.5));
  const response = navigated ? session.lastDocument : first;
  const refused = response ? refusedResponse(response) : null;
  if (refused) return failedProbe(query, page.url(), refused.status, refused.reason);
  return measureResults(session, query, response, options.screenshot);
}

async function measureResults(
  session: PageSession,
  query: string,
  response: Response | null,
  screenshot: boolean,
): Promise<ProbeOutcome> {
  const { page } = session;
  const resultsUrl = page.url();
  const results = await evaluateScript<{
    title: string;
    head: string;
    text: string;
    mainText: string;
    links: { href: string; raw: string }[];
  }>(page, READ_RESULTS, MAX_LINKS);
  const headers = response?.headers() ?? {};
  const httpStatus = response?.status() ?? null;
  const challenge = isChallengePage(results.head);
  const status =
    httpStatus === null
      ? challenge
        ? 'bot_blocked'
        : 'ok'
      : statusOfResponse(httpStatus, headers, headers['content-type'] ?? null, challenge);
  const text = collapseWhitespace(results.text).slice(0, MAX_VISIBLE_TEXT);
  const mainText = collapseWhitespace(results.mainText).slice(0, MAX_VISIBLE_TEXT);
  const mainLinkCount = results.links.filter(
    (link) =>
      !PLACEHOLDER_HREF.test(link.raw) && /^https?:/i.test(link.href) && isSameSite(link.href, resultsUrl),
  ).length;
  return {
    query,
    resultsUrl,
    status,
    httpStatus,
    title: collapseWhitespace(results.title).slice(0, 500),
    textLength: mainText.length,
    queryOccurrences: countOccurrences(foldText(text), foldText(query)),
    mainLinkCount,
    snippet: snippetAround(text, query),
    refinements: searchRefinements(
      extractPage(results.head, resultsUrl, { isSameSite: (url) => isSameSite(url, resultsUrl) }),
      query,
    ),
    screenshotJpeg: screenshot ? await viewportScreenshot(page).catch(() => null) : null,
  };
}
