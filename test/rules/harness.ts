import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { extractPage } from '../../crawlers/extract/extract-page.ts';
import { isSameSite } from '../../crawlers/frontier/scope.ts';
import { urlKey } from '../../rules/_shared/pages.ts';
import {
  type AxeSummary,
  FETCH_STATUSES,
  type LinkStep,
  type PageCapture,
  type RenderCapture,
  type SiteArtifacts,
  type SiteCaptures,
} from '../../src/core/index.ts';

/**
 * Builds SiteCaptures from a per-detector fixture folder, the way the crawler would have captured it:
 * every HTML file is a page (`index.html` = the folder URL), extracted with the production
 * extractor, with link paths found by breadth-first search from the home page.
 *
 * Files under `_ext/<host>/…` are pages of another site (`https://<host>/…`, captured one hop).
 * The optional `captures.json` adds what HTML cannot carry:
 *   { baseUrl?, level?, artifacts?: SiteArtifacts,
 *     pages?: { "<file or absolute URL>": { status?, httpStatus?, site?, render?: Partial<RenderCapture> } } }
 * A `pages` key without a file is a page that was fetched without content (e.g. a 404).
 */

export const DEFAULT_BASE = 'https://city.example/';
const FETCHED_AT = '2024-06-01T10:00:00.000Z';

const axeNode = z.object({ selector: z.string(), html: z.string(), failureSummary: z.string().optional() });
const axeFinding = z.object({
  ruleId: z.string(),
  impact: z.enum(['minor', 'moderate', 'serious', 'critical']).nullable().default('serious'),
  help: z.string().default(''),
  helpUrl: z.string().default(''),
  tags: z.array(z.string()).default([]),
  nodeCount: z.number().optional(),
  nodes: z.array(axeNode).default([]),
});
const renderSchema = z.object({
  screenshot: z.string().nullable().default(null),
  consoleErrors: z.array(z.string()).default([]),
  mobile: z
    .object({ viewportWidth: z.number(), scrollWidth: z.number(), horizontalScroll: z.boolean() })
    .nullable()
    .default(null),
  axe: z
    .object({
      engineVersion: z.string().default('4.14.1'),
      violations: z.array(axeFinding).default([]),
      incomplete: z.array(axeFinding).default([]),
      passes: z.number().default(0),
      inapplicable: z.number().default(0),
    })
    .nullable()
    .default(null),
  renderMs: z.number().default(0),
});
const capturesSchema = z.object({
  baseUrl: z.string().optional(),
  level: z.enum(['city', 'national']).optional(),
  artifacts: z.record(z.string(), z.unknown()).optional(),
  pages: z
    .record(
      z.string(),
      z.object({
        status: z.enum(FETCH_STATUSES).optional(),
        httpStatus: z.number().nullable().optional(),
        site: z.enum(['portal', 'external']).optional(),
        render: renderSchema.optional(),
      }),
    )
    .optional(),
});
export type FixtureCaptures = z.infer<typeof capturesSchema>;

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...htmlFiles(full));
    else if (name.endsWith('.html')) out.push(full);
  }
  return out;
}

/** `about/index.html` → https://city.example/about/ ; `_ext/data.example/x.html` → https://data.example/x.html */
export function fileUrl(rel: string, base: string): { url: string; external: boolean } {
  if (/^https?:\/\//i.test(rel)) return { url: rel, external: !isSameSite(rel, base) };
  const parts = rel.split(/[\\/]/);
  let root = base;
  let external = false;
  if (parts[0] === '_ext' && parts.length >= 3) {
    root = `https://${parts[1]}/`;
    parts.splice(0, 2);
    external = true;
  }
  if (parts[parts.length - 1] === 'index.html') parts[parts.length - 1] = '';
  return { url: new URL(parts.join('/'), root).href, external };
}

function toAxe(render: z.infer<typeof renderSchema>['axe']): AxeSummary | null {
  if (!render) return null;
  const finding = (f: z.infer<typeof axeFinding>) => ({ ...f, nodeCount: f.nodeCount ?? f.nodes.length });
  return {
    engine: 'axe-core',
    engineVersion: render.engineVersion,
    tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
    violations: render.violations.map(finding),
    incomplete: render.incomplete.map(finding),
    passes: render.passes,
    inapplicable: render.inapplicable,
  };
}

function emptyExtract(): Pick<
  PageCapture,
  'title' | 'text' | 'lang' | 'headings' | 'links' | 'forms' | 'meta' | 'embeds'
> {
  return {
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
}

export function loadFixtureSite(dir: string): SiteCaptures {
  const capturesFile = join(dir, 'captures.json');
  const captures = existsSync(capturesFile)
    ? capturesSchema.parse(JSON.parse(readFileSync(capturesFile, 'utf8')))
    : ({} as FixtureCaptures);
  const base = captures.baseUrl ?? DEFAULT_BASE;
  const overrides = captures.pages ?? {};

  const sources = new Map<string, { rel: string; html: string | null }>();
  for (const file of htmlFiles(dir)) {
    const rel = relative(dir, file).split(sep).join('/');
    sources.set(rel, { rel, html: readFileSync(file, 'utf8') });
  }
  for (const key of Object.keys(overrides)) if (!sources.has(key)) sources.set(key, { rel: key, html: null });

  const pages: PageCapture[] = [];
  for (const { rel, html } of sources.values()) {
    const { url, external } = fileUrl(rel, base);
    const o = overrides[rel] ?? {};
    const status = o.status ?? (html === null ? 'http_4xx' : 'ok');
    const ok = status === 'ok' && html !== null;
    const render: RenderCapture | undefined = o.render
      ? { ...o.render, axe: toAxe(o.render.axe) }
      : undefined;
    pages.push({
      url,
      finalUrl: url,
      redirects: [],
      status,
      httpStatus: o.httpStatus !== undefined ? o.httpStatus : ok ? 200 : 404,
      headers: ok ? { 'content-type': 'text/html; charset=utf-8' } : {},
      contentType: ok ? 'text/html' : null,
      bytes: html?.length ?? 0,
      fetchedAt: FETCHED_AT,
      fetchMs: 1,
      site: o.site ?? (external ? 'external' : 'portal'),
      depth: 0,
      linkPath: [],
      htmlHash: ok && html ? createHash('sha256').update(html).digest('hex') : null,
      ...(ok && html ? extractPage(html, url, { isSameSite: (u) => isSameSite(u, base) }) : emptyExtract()),
      rendered: render !== undefined,
      ...(render ? { render } : {}),
    });
  }

  const byKey = new Map(pages.map((p) => [urlKey(p.url), p]));
  const home = byKey.get(urlKey(base));
  if (home) assignLinkPaths(home, byKey);
  const homeStep: LinkStep = { url: base, text: '' };
  for (const page of pages) {
    if (page.linkPath.length === 0) {
      // Not reachable by links: the crawler would have found it in the XML sitemap.
      page.depth = 1;
      page.linkPath = [homeStep, { url: page.url, text: '' }];
    }
  }
  pages.sort((a, b) => a.depth - b.depth);
  return {
    target: { url: base, level: captures.level ?? 'city' },
    home,
    pages,
    artifacts: (captures.artifacts ?? {}) as SiteArtifacts,
  };
}

function assignLinkPaths(home: PageCapture, byKey: Map<string, PageCapture>): void {
  home.linkPath = [{ url: home.url, text: '' }];
  const queue = [home];
  const seen = new Set([home]);
  while (queue.length > 0) {
    const page = queue.shift()!;
    if (page.site !== 'portal' || page.status !== 'ok') continue;
    for (const link of page.links) {
      if (link.placeholder || !/^https?:/i.test(link.href)) continue;
      const next = byKey.get(urlKey(link.href));
      if (!next || seen.has(next)) continue;
      seen.add(next);
      next.depth = page.depth + 1;
      next.linkPath = [...page.linkPath, { url: next.url, text: link.text }];
      queue.push(next);
    }
  }
}

export const RULE_OUTCOME_PREFIX = /^(met|not_met|needs_review|not_applicable)-/;

export interface FixtureCase {
  /** The detector the case tests: its folder name, equal to the detector's file stem. */
  feature: string;
  name: string;
  dir: string;
  expected: 'met' | 'not_met' | 'needs_review' | 'not_applicable';
}

/** Every case folder under fixtures/rules, with the outcome its name promises. */
export function listFixtureCases(root: string): FixtureCase[] {
  if (!existsSync(root)) return [];
  const cases: FixtureCase[] = [];
  for (const feature of readdirSync(root).sort()) {
    const featureDir = join(root, feature);
    if (!statSync(featureDir).isDirectory()) continue;
    for (const name of readdirSync(featureDir).sort()) {
      const dir = join(featureDir, name);
      const m = RULE_OUTCOME_PREFIX.exec(name);
      if (!statSync(dir).isDirectory() || !m) continue;
      cases.push({ feature, name, dir, expected: m[1] as FixtureCase['expected'] });
    }
  }
  return cases;
}

const expectSchema = z.object({
  /** Outcomes other detectors must reach on the same site, by feature (traps). */
  also: z.record(z.string(), z.enum(['met', 'not_met', 'needs_review', 'not_applicable'])).optional(),
  /** Evidence items that must be present (every given field must match; snippet by substring). */
  evidence: z
    .array(
      z.object({
        kind: z.string().optional(),
        pageUrl: z.string().optional(),
        snippet: z.string().optional(),
      }),
    )
    .optional(),
});
export type FixtureExpectations = z.infer<typeof expectSchema>;

export function loadExpectations(dir: string): FixtureExpectations {
  const file = join(dir, 'expect.json');
  return existsSync(file) ? expectSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
}
