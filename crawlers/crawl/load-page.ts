import type { FetchStatus } from '../../src/core/index.ts';
import type {
  FetchOutcome,
  HostLimiter,
  HttpFetchOptions,
  PageRenderer,
  RenderedPage,
  RenderOptions,
} from '../contracts.ts';
import type { PageExtract } from '../extract/extract-page.ts';
import { hostOf } from '../frontier/normalize-url.ts';
import { httpFetch } from '../http/http-fetcher.ts';

export interface PageLoadContext {
  http: HttpFetchOptions;
  renderOptions: RenderOptions;
  renderer?: PageRenderer;
  limiter: HostLimiter;
}

/** Browser failures that say nothing about the page: the page is fetched over HTTP instead. */
const RENDER_FALLBACK: ReadonlySet<FetchStatus> = new Set<FetchStatus>([
  'error',
  'timeout',
  'connection_reset',
]);

/**
 * A render that timed out before any response came: the host does not answer, and asking it again
 * over HTTP would only wait as long again. (A page whose script hangs the browser did answer, and its
 * HTML is fetched over HTTP instead.)
 */
function hostNeverAnswered(rendered: RenderedPage): boolean {
  return rendered.status === 'timeout' && rendered.httpStatus === null;
}

export interface LoadedPage {
  outcome: FetchOutcome;
  /** Set when the capture comes from the browser. */
  rendered: RenderedPage | null;
  /** Why a wanted render was replaced by HTTP, if it was. */
  renderFailure?: string;
  /** The served page's extract, when it was made while loading (see the link checks). */
  extract?: PageExtract;
}

/** Loads one URL in the browser (when `render`) or over HTTP, inside the host limiter. */
export async function loadPage(url: string, render: boolean, ctx: PageLoadContext): Promise<LoadedPage> {
  const host = hostOf(url);
  let renderFailure: string | undefined;
  if (render && ctx.renderer) {
    const renderer = ctx.renderer;
    try {
      const rendered = await ctx.limiter.run(host, () => renderer.render(url, ctx.renderOptions));
      if (!RENDER_FALLBACK.has(rendered.status) || hostNeverAnswered(rendered)) {
        return { outcome: rendered, rendered };
      }
      renderFailure = `${rendered.status}: ${rendered.error ?? ''}`.trim();
    } catch (err) {
      renderFailure = `renderer error: ${String(err)}`;
    }
  }
  const outcome = await ctx.limiter.run(host, () => httpFetch(url, ctx.http));
  return { outcome, rendered: null, ...(renderFailure ? { renderFailure } : {}) };
}
