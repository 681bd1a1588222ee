import { createHash } from 'node:crypto';
import { extractPage } from '../../crawlers/extract/extract-page.ts';
import type { ArtifactBytes, AxeSummary, CrawlEnd, PageCapture } from '../../src/core/index.ts';

/** Realistic page captures for store tests: extracted from real HTML by the real extractor. */

/** The portal the sample captures belong to. */
export const SAMPLE_TARGET = { url: 'https://sampleton.example/', level: 'city' as const };

/** A crawl of SAMPLE_TARGET that ended at its page budget with `pages` pages, all ok. */
export function sampleCrawlEnd(pages: number): CrawlEnd {
  return {
    outcome: 'ok',
    stopReason: 'max_pages',
    homeUrl: SAMPLE_TARGET.url,
    finalHomeUrl: SAMPLE_TARGET.url,
    pages,
    statuses: { ok: pages },
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:02:00.000Z',
    spa: false,
  };
}

export function artifactOf(kind: ArtifactBytes['kind'], mediaType: string, data: Uint8Array): ArtifactBytes {
  return { hash: createHash('sha256').update(data).digest('hex'), kind, mediaType, data };
}

export function samplePortalHtml(title: string, extraLinks = 0): string {
  const extra = Array.from(
    { length: extraLinks },
    (_, i) => `<li><a href="/news/item-${i}">News item ${i}</a></li>`,
  );
  return `<!doctype html><html lang="en"><head><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Official portal of Sampleton">
<link rel="alternate" hreflang="fr" href="https://sampleton.example/fr/">
<link rel="alternate" type="application/rss+xml" title="News" href="/news.rss">
<script src="https://widgets.chat.example/loader.js"></script></head>
<body><header><a href="/">Sampleton City</a><form role="search" action="/search" method="get">
<label for="q">Search</label><input type="search" id="q" name="q" required><button>Go</button></form></header>
<nav><ul><li><a href="/services">Services</a></li><li><a href="/contact">Contact us</a></li>
<li><a href="/privacy">Privacy policy</a></li><li><a href="#">Menu</a></li></ul></nav>
<main><h1>${title}</h1><h2>Pay your taxes online</h2><p>Residents can pay local taxes and fees online.</p>
<ul>${extra.join('')}</ul><p>Call 311 or write to city.hall@sampleton.example.</p>
<iframe src="https://video.example/embed/1" title="Mayor's address"></iframe></main>
<footer><a href="https://facebook.com/sampleton" rel="me">Facebook</a>
<a href="https://data.sampleton-open.example/">Open data</a></footer></body></html>`;
}

export function sampleAxe(): AxeSummary {
  return {
    engine: 'axe-core',
    engineVersion: '4.14.1',
    tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
    violations: [
      {
        ruleId: 'color-contrast',
        impact: 'serious',
        help: 'Elements must meet minimum color contrast ratio thresholds',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast',
        tags: ['cat.color', 'wcag2aa', 'wcag143'],
        nodeCount: 7,
        nodes: [
          {
            selector: 'footer > a:nth-child(1)',
            html: '<a href="https://facebook.com/sampleton">Facebook</a>',
            failureSummary: 'Fix any of the following: contrast 2.1:1',
          },
          { selector: '#q', html: '<input type="search" id="q" name="q">' },
        ],
      },
      {
        ruleId: 'frame-title',
        impact: null,
        help: 'Frames must have an accessible name',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/frame-title',
        tags: ['wcag2a', 'wcag412'],
        nodeCount: 1,
        nodes: [{ selector: 'iframe', html: '<iframe src="https://video.example/embed/1">' }],
      },
    ],
    incomplete: [
      {
        ruleId: 'color-contrast-enhanced',
        impact: 'moderate',
        help: 'Elements must meet enhanced color contrast ratio thresholds',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast-enhanced',
        tags: ['wcag2aaa', 'wcag146'],
        nodeCount: 2,
        nodes: [{ selector: 'main > p', html: '<p>Residents can pay…</p>' }],
      },
    ],
    passes: 31,
    inapplicable: 44,
  };
}

export interface SamplePage {
  capture: PageCapture;
  artifacts: ArtifactBytes[];
}

/** A fetched and (optionally) rendered portal page with its HTML (and screenshot) artifacts. */
export function samplePage(
  url: string,
  options: { rendered?: boolean; depth?: number; extraLinks?: number; finalUrl?: string } = {},
): SamplePage {
  const finalUrl = options.finalUrl ?? url;
  const html = samplePortalHtml(`Sampleton — ${new URL(url).pathname}`, options.extraLinks ?? 5);
  const htmlArtifact = artifactOf('html', 'text/html; charset=utf-8', Buffer.from(html));
  const extract = extractPage(html, finalUrl, {
    isSameSite: (u) => new URL(u).hostname.endsWith('sampleton.example'),
  });
  const capture: PageCapture = {
    url,
    finalUrl,
    redirects: finalUrl === url ? [] : [url],
    status: 'ok',
    httpStatus: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', server: 'nginx' },
    contentType: 'text/html; charset=utf-8',
    bytes: htmlArtifact.data.byteLength,
    fetchedAt: '2026-11-22T12:00:00.000Z',
    fetchMs: 123,
    site: 'portal',
    depth: options.depth ?? 0,
    linkPath: options.depth
      ? [
          { url: 'https://sampleton.example/', text: '' },
          { url, text: 'Services' },
        ]
      : [],
    htmlHash: htmlArtifact.hash,
    ...extract,
    rendered: options.rendered ?? false,
  };
  const artifacts = [htmlArtifact];
  if (options.rendered) {
    const jpeg = artifactOf('screenshot', 'image/jpeg', Buffer.from(`fake jpeg of ${url}`));
    artifacts.push(jpeg);
    capture.render = {
      screenshot: jpeg.hash,
      consoleErrors: ['Uncaught TypeError: x is undefined'],
      mobile: { viewportWidth: 360, scrollWidth: 412, horizontalScroll: true },
      axe: sampleAxe(),
      renderMs: 840,
    };
  }
  return { capture, artifacts };
}
