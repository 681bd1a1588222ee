import {
  type ArtifactBytes,
  foldText,
  type PageCapture,
  type SearchProbeArtifact,
  type SearchProbeResult,
} from '../../src/core/index.ts';
import type {
  FetchOutcome,
  HostLimiter,
  HttpFetchOptions,
  PageRenderer,
  RenderOptions,
} from '../contracts.ts';
import { extractPage } from '../extract/extract-page.ts';
import { loadHtml } from '../extract/parse-html.ts';
import { countOccurrences, failedProbeResult, snippetAround } from '../extract/probe-text.ts';
import { searchRefinements } from '../extract/search-refinements.ts';
import { hostOf } from '../frontier/normalize-url.ts';
import { httpFetch } from '../http/http-fetcher.ts';
import { artifactOf } from './page-capture.ts';
import { buildSubmission, findSearchForm, NONSENSE_QUERY, pickQueryWord } from './search-form.ts';

export interface SearchProbeContext {
  http: HttpFetchOptions;
  renderOptions: RenderOptions;
  renderer?: PageRenderer;
  limiter: HostLimiter;
  isSameSite: (url: string) => boolean;
  /** The whole site is crawled in the browser (SPA). */
  spa: boolean;
}

/** Measures a results page: query occurrences, main-region text length and same-site links. */
export function summarizeResults(
  outcome: FetchOutcome,
  query: string,
  isSameSite: (url: string) => boolean,
): SearchProbeResult {
  const base = {
    query,
    resultsUrl: outcome.finalUrl,
    status: outcome.status,
    httpStatus: outcome.httpStatus,
  };
  if (outcome.status !== 'ok' || outcome.html === null) {
    return { ...base, title: '', textLength: 0, queryOccurrences: 0, mainLinkCount: 0, snippet: '' };
  }
  const page = extractPage(outcome.html, outcome.finalUrl, { isSameSite });
  const $ = loadHtml(outcome.html);
  const main = $('main, [role="main" i]').first();
  const region = main.length ? extractPage($.html(main), outcome.finalUrl, { isSameSite }) : page;
  return {
    ...base,
    title: page.title,
    textLength: region.text.length,
    queryOccurrences: countOccurrences(foldText(page.text), foldText(query)),
    mainLinkCount: region.links.filter((l) => !l.placeholder && !l.external && /^https?:/i.test(l.href))
      .length,
    snippet: snippetAround(page.text, query),
    refinements: searchRefinements(page, query),
  };
}

/**
 * Finds the home page's search form and submits a real word and a nonsense word, over HTTP or in
 * the browser (SPA, or a form without action when a browser is available). Null when there is no
 * search form (or it cannot be submitted), and nothing is emitted.
 */
export async function probeSearch(
  home: PageCapture,
  homeHtml: string,
  ctx: SearchProbeContext,
): Promise<{ artifact: SearchProbeArtifact; artifacts: ArtifactBytes[] } | null> {
  const choice = findSearchForm(home.forms);
  if (!choice) return null;
  const real = pickQueryWord(home.text) ?? 'information';
  const viaBrowser = Boolean(ctx.renderer) && (ctx.spa || choice.form.action === '');
  if (!viaBrowser && !choice.input.name) return null;
  const artifacts: ArtifactBytes[] = [];

  const run = async (query: string): Promise<SearchProbeResult> => {
    if (viaBrowser && ctx.renderer) {
      const renderer = ctx.renderer;
      let probed: Awaited<ReturnType<PageRenderer['probeSearch']>>;
      try {
        probed = await ctx.limiter.run(hostOf(home.finalUrl), () =>
          renderer.probeSearch(
            home.finalUrl,
            { formSelector: choice.formSelector, inputSelector: choice.inputSelector },
            query,
            ctx.renderOptions,
          ),
        );
      } catch {
        return failedProbeResult(query, home.finalUrl);
      }
      const { screenshotJpeg, ...result } = probed;
      if (screenshotJpeg && screenshotJpeg.length > 0) {
        const shot = artifactOf('screenshot', 'image/jpeg', screenshotJpeg);
        artifacts.push(shot);
        return { ...result, screenshot: shot.hash };
      }
      return result;
    }
    const submission = buildSubmission(homeHtml, home.finalUrl, choice, query);
    const outcome = await ctx.limiter.run(hostOf(submission.url), () =>
      httpFetch(submission.url, {
        ...ctx.http,
        method: submission.method,
        ...(submission.body !== undefined ? { body: submission.body } : {}),
      }),
    );
    return summarizeResults(outcome, query, ctx.isSameSite);
  };

  const realResult = await run(real);
  const nonsenseResult = await run(NONSENSE_QUERY);
  return {
    artifact: {
      pageUrl: home.finalUrl,
      formSelector: choice.formSelector,
      inputName: choice.input.name,
      via: viaBrowser ? 'browser' : 'http',
      real: realResult,
      nonsense: nonsenseResult,
    },
    artifacts,
  };
}
