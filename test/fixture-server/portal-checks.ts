/**
 * Independent checks that a fixture portal really has the labels its truth.json claims for the
 * machine-decidable indicators (204 mobile, 208 markup, 210 WCAG): real Chromium, real axe-core,
 * the real Nu checker. Used by the fixture-server tests; not part of the product.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A context that can only reach loopback addresses: fixture portals must load without the internet. */
export async function loopbackContext(
  browser: Browser,
): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const host = new URL(url).hostname;
    if (/^127\.\d+\.\d+\.\d+$/.test(host) || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return { context, blocked };
}

export interface PageReport {
  url: string;
  status: number | null;
  title: string;
  textLength: number;
  viewportMeta: string | null;
  /** At a 360 px wide window. */
  scrollWidth: number;
  horizontalScroll: boolean;
  violations: { id: string; nodes: string[] }[];
  consoleErrors: string[];
  /** Same-origin link targets found in the rendered DOM (absolute, without fragment). */
  links: string[];
  /** The rendered DOM, serialised. */
  html: string;
}

const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

export interface CheckOptions {
  /** Run axe-core at 1280 px (slow); otherwise the page is only loaded at 360 px. @default true */
  axe?: boolean;
}

/**
 * Loads one page and reports what it shows. With `axe`, runs axe (WCAG 2.2 AA tags) at 1280 px and
 * then measures horizontal scroll at 360 px; without, loads it at 360 px only.
 */
export async function checkPage(
  context: BrowserContext,
  url: string,
  options: CheckOptions = {},
): Promise<PageReport> {
  const page = await context.newPage();
  try {
    return await inspect(page, url, options);
  } finally {
    await page.close();
  }
}

/** Loads url in an open tab (tabs are reused across pages: opening one per page is slow). */
async function inspect(page: Page, url: string, options: CheckOptions): Promise<PageReport> {
  const withAxe = options.axe ?? true;
  const consoleErrors: string[] = [];
  const onConsole = (msg: ConsoleMessage) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  };
  const onError = (err: Error) => consoleErrors.push(err.message);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  try {
    await page.setViewportSize(withAxe ? { width: 1280, height: 800 } : { width: 360, height: 740 });
    const response = await page.goto(url, { waitUntil: 'load' });
    // A JS-rendered page has content only once its script ran; static pages pass at once.
    await page
      // biome-ignore lint/performance/useDomNodeTextContent: rendered (visible) text is what is measured
      .waitForFunction(() => document.body.innerText.trim().length > 0, null, { timeout: 5000 })
      .catch(() => {});
    // Read the DOM before axe is injected: the injected script would end up in the serialisation.
    const facts = await page.evaluate(() => ({
      title: document.title,
      // biome-ignore lint/performance/useDomNodeTextContent: rendered (visible) text is what is measured
      textLength: document.body.innerText.trim().length,
      viewportMeta: document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? null,
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      html: `<!DOCTYPE html>\n${document.documentElement.outerHTML}`,
    }));
    let violations: PageReport['violations'] = [];
    if (withAxe) violations = await runAxe(page);
    await page.setViewportSize({ width: 360, height: 740 });
    const scroll = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    const origin = new URL(url).origin;
    const links = [
      ...new Set(
        facts.links
          .filter((href) => href.startsWith(`${origin}/`))
          .map((href) => {
            const u = new URL(href);
            u.hash = '';
            return u.href;
          }),
      ),
    ];
    return {
      url,
      status: response?.status() ?? null,
      title: facts.title,
      textLength: facts.textLength,
      viewportMeta: facts.viewportMeta,
      scrollWidth: scroll.scrollWidth,
      horizontalScroll: scroll.scrollWidth > scroll.clientWidth,
      violations,
      consoleErrors,
      links,
      html: facts.html,
    };
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
  }
}

async function runAxe(page: Page): Promise<PageReport['violations']> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const result = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe.run(
        document,
        {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        },
      ),
    WCAG_TAGS,
  )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

const PAGE_EXTENSIONS = /\.(html?)$|\/$|\/[^./]+$/;

/** Breadth-first over the rendered pages of one origin (HTML pages only; files are not opened). */
export interface CrawlOptions extends CheckOptions {
  /** @default 40 */
  maxPages?: number;
  /** Pages loaded at the same time. @default 2 */
  concurrency?: number;
}

/** Breadth-first over the rendered pages of one origin (HTML pages only; files are not opened). */
export async function crawlRendered(
  context: BrowserContext,
  start: string,
  options: CrawlOptions = {},
): Promise<PageReport[]> {
  const maxPages = options.maxPages ?? 40;
  const concurrency = options.concurrency ?? 2;
  const seen = new Set([start]);
  const queue = [start];
  const reports: PageReport[] = [];
  const tabs = await Promise.all(Array.from({ length: concurrency }, () => context.newPage()));
  try {
    while (queue.length > 0 && reports.length < maxPages) {
      const batch = queue.splice(0, Math.min(concurrency, maxPages - reports.length));
      const done = await Promise.all(batch.map((url, i) => inspect(tabs[i]!, url, options)));
      for (const report of done) {
        reports.push(report);
        for (const link of report.links) {
          const { pathname, search } = new URL(link);
          if (seen.has(link) || search || !PAGE_EXTENSIONS.test(pathname)) continue;
          seen.add(link);
          queue.push(link);
        }
      }
    }
  } finally {
    await Promise.all(tabs.map((tab) => tab.close()));
  }
  return reports;
}

export interface NuResult {
  errors: { file: string; message: string; line?: number }[];
}

/** Runs the Nu HTML checker once over several documents (one JVM for the batch). */
export async function validateWithNu(documents: { name: string; html: string }[]): Promise<NuResult> {
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  const dir = await mkdtemp(join(tmpdir(), 'nu-'));
  try {
    const files = await Promise.all(
      documents.map(async (doc, i) => {
        const file = join(dir, `${i}.html`);
        await writeFile(file, doc.html);
        return file;
      }),
    );
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        'java',
        ['-jar', jar, '--format', 'json', '--stdout', '--exit-zero-always', ...files],
        { maxBuffer: 32 * 1024 * 1024 },
        (error, out) => (error ? reject(error) : resolve(out)),
      );
    });
    const parsed = JSON.parse(stdout) as {
      messages: { type: string; url?: string; message: string; lastLine?: number }[];
    };
    const nameOf = (url = '') => documents[Number(url.replace(/^.*\/(\d+)\.html$/, '$1'))]?.name ?? url;
    return {
      errors: parsed.messages
        .filter((m) => m.type === 'error')
        .map((m) => ({ file: nameOf(m.url), message: m.message, line: m.lastLine })),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function javaAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('java', ['-version'], (error) => resolve(!error));
  });
}
