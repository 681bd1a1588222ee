import { createHash } from 'node:crypto';
import type { ArtifactBytes, PageCapture } from '../../src/core/index.ts';
import type { FetchOutcome, RenderedPage } from '../contracts.ts';
import { extractPage, type PageExtract } from '../extract/extract-page.ts';
import { emptyFetchOutcome } from '../fetch-outcome.ts';
import type { FrontierEntry } from '../frontier/frontier.ts';

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function artifactOf(kind: ArtifactBytes['kind'], mediaType: string, data: Uint8Array): ArtifactBytes {
  return { hash: sha256Hex(data), kind, mediaType, data };
}

export const EMPTY_EXTRACT: PageExtract = {
  title: '',
  text: '',
  lang: { declared: null, detected: null },
  headings: [],
  links: [],
  forms: [],
  meta: {
    htmlLang: null,
    viewport: null,
    description: null,
    generator: null,
    canonical: null,
    hreflang: [],
    feeds: [],
  },
  embeds: { scripts: [], iframes: [] },
};

export interface BuiltPage {
  capture: PageCapture;
  artifacts: ArtifactBytes[];
}

/**
 * Turns a network outcome (HTTP, or browser when `rendered` is given) into a page capture plus its
 * artifacts: the HTML document and, for rendered pages, the screenshot.
 */
export function buildPageCapture(args: {
  entry: FrontierEntry;
  site: PageCapture['site'];
  outcome: FetchOutcome;
  rendered?: RenderedPage | null;
  /** The served page's extract when the caller already made it (not for a rendered page). */
  extract?: PageExtract;
  isSameSite: (url: string) => boolean;
}): BuiltPage {
  const { entry, site, outcome, rendered } = args;
  const artifacts: ArtifactBytes[] = [];
  let extract = EMPTY_EXTRACT;
  let htmlHash: string | null = null;
  if (outcome.status === 'ok' && outcome.html !== null) {
    extract =
      (!rendered && args.extract) ||
      extractPage(outcome.html, outcome.finalUrl, {
        isSameSite: args.isSameSite,
        ...(rendered ? { visibleText: rendered.visibleText } : {}),
      });
    const html = artifactOf('html', 'text/html', new TextEncoder().encode(outcome.html));
    artifacts.push(html);
    htmlHash = html.hash;
  }
  const capture: PageCapture = {
    url: entry.url,
    finalUrl: outcome.finalUrl,
    redirects: outcome.redirects,
    status: outcome.status,
    httpStatus: outcome.httpStatus,
    ...(outcome.error ? { error: outcome.error } : {}),
    headers: outcome.headers,
    contentType: outcome.contentType,
    bytes: outcome.bytes,
    fetchedAt: outcome.fetchedAt,
    fetchMs: outcome.fetchMs,
    site,
    depth: entry.depth,
    linkPath: entry.linkPath,
    htmlHash,
    ...extract,
    rendered: Boolean(rendered),
  };
  if (rendered) {
    let screenshot: string | null = null;
    if (rendered.screenshotJpeg && rendered.screenshotJpeg.length > 0) {
      const shot = artifactOf('screenshot', 'image/jpeg', rendered.screenshotJpeg);
      artifacts.push(shot);
      screenshot = shot.hash;
    }
    capture.render = { ...rendered.render, screenshot };
    if (rendered.views?.length) capture.views = rendered.views;
  }
  return { capture, artifacts };
}

/** The record of a URL that robots.txt keeps us out of: no request was made. */
export function blockedByRobotsOutcome(url: string): FetchOutcome {
  return emptyFetchOutcome(
    url,
    'blocked_by_robots',
    'Disallowed by robots.txt for the portal-audit user agent',
  );
}
