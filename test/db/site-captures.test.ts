import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSiteCaptures, type Repositories, repositories } from '../../db/index.ts';
import type { CrawlEnd, PageCapture, RobotsArtifact, SitemapArtifact } from '../../src/core/index.ts';
import { createTestStore, type TestStore } from '../helpers/test-db.ts';
import { samplePage } from './sample-capture.ts';

const ROBOTS: RobotsArtifact = {
  url: 'https://sampleton.example/robots.txt',
  httpStatus: 200,
  found: true,
  sitemaps: ['https://sampleton.example/sitemap.xml'],
  homeDisallowed: false,
};
const SITEMAP: SitemapArtifact = {
  xml: [{ url: 'https://sampleton.example/sitemap.xml', httpStatus: 200, urlCount: 14 }],
  urlCount: 14,
};

function crawlEnd(homeUrl: string, finalHomeUrl: string | null): CrawlEnd {
  return {
    outcome: 'ok',
    stopReason: 'frontier_exhausted',
    homeUrl,
    finalHomeUrl,
    pages: 3,
    statuses: { ok: 3 },
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:01:00.000Z',
    spa: false,
  };
}

describe('loadSiteCaptures', () => {
  let t: TestStore;
  let repos: Repositories;
  beforeEach(() => {
    t = createTestStore();
    repos = repositories(t.store);
  });
  afterEach(() => t.cleanup());

  function runWith(
    pages: PageCapture[],
    homeUrl: string,
    finalHomeUrl: string | null,
    language?: string,
  ): number {
    const target = repos.targets.findOrCreateSelfAudit({ url: homeUrl, level: 'city', language });
    const runId = repos.runs.create({ targetId: target.id, catalogId: 'losi-2024', homeUrl });
    for (const page of pages) {
      const html = samplePage(page.url);
      for (const a of html.artifacts) t.store.artifacts.put(a);
      repos.pages.upsert(runId, { ...page, htmlHash: html.capture.htmlHash });
    }
    repos.runs.finish(runId, crawlEnd(homeUrl, finalHomeUrl));
    return runId;
  }

  it('picks the page the home URL redirected to, with every page and site artifact', () => {
    // The crawler requested / and was sent to /en/; a later page happens to be /, requested again as /?lang=fr.
    const about = samplePage('https://sampleton.example/about', { depth: 1 }).capture;
    const home = samplePage('https://sampleton.example/', {
      finalUrl: 'https://sampleton.example/en/',
    }).capture;
    const french = samplePage('https://sampleton.example/?lang=fr', { depth: 1 }).capture;
    const runId = runWith(
      [about, home, french],
      'https://sampleton.example/',
      'https://sampleton.example/en/',
      'en',
    );
    repos.siteArtifacts.upsert(runId, 'robots', ROBOTS);
    repos.siteArtifacts.upsert(runId, 'sitemap', { ...SITEMAP, urlCount: 1 });
    repos.siteArtifacts.upsert(runId, 'sitemap', SITEMAP);

    const site = loadSiteCaptures(t.store, runId);
    expect(site.target).toEqual({ url: 'https://sampleton.example/', level: 'city', language: 'en' });
    expect(site.home?.url).toBe('https://sampleton.example/');
    expect(site.home?.finalUrl).toBe('https://sampleton.example/en/');
    expect(site.pages.map((p) => p.url)).toEqual([about.url, home.url, french.url]);
    expect(site.artifacts).toStrictEqual({ robots: ROBOTS, sitemap: SITEMAP });
  });

  it('prefers the page requested at the final home URL, then falls back to the home URL', () => {
    const requested = samplePage('https://sampleton.example/', {
      finalUrl: 'https://sampleton.example/start',
    }).capture;
    const direct = samplePage('https://sampleton.example/start', { depth: 1 }).capture;
    const run1 = runWith(
      [requested, direct],
      'https://sampleton.example/',
      'https://sampleton.example/start',
    );
    expect(loadSiteCaptures(t.store, run1).home?.url).toBe('https://sampleton.example/start');

    const onlyHome = samplePage('https://other.example/', { depth: 0 }).capture;
    const run2 = runWith([onlyHome], 'https://other.example/', null);
    const site2 = loadSiteCaptures(t.store, run2);
    expect(site2.home?.url).toBe('https://other.example/');
    expect(site2.target).toEqual({ url: 'https://other.example/', level: 'city' });
    expect(site2.artifacts).toEqual({});
  });

  it('has no home when the home page was never captured, and fails clearly for an unknown run', () => {
    const inner = samplePage('https://sampleton.example/inner', { depth: 1 }).capture;
    const runId = runWith([inner], 'https://sampleton.example/', 'https://sampleton.example/');
    expect(loadSiteCaptures(t.store, runId).home).toBeUndefined();
    expect(() => loadSiteCaptures(t.store, 4242)).toThrow(/No run 4242/);
  });
});
