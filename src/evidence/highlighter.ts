import pLimit from 'p-limit';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { evaluateScript } from '../../crawlers/browser/in-page.ts';
import { withDeadline } from '../core/index.ts';
import { CAPTURED_PAGE_CSP } from './captured-page-csp.ts';
import { LOCATE_TARGETS, PAINT_PICTURES } from './highlight-scripts.ts';

/** Bump when the rendering changes: cached images of older versions are not reused. */
export const HIGHLIGHT_RENDER_VERSION = 3;

/** What to outline: the element a selector finds, or within it the smallest element holding `text`. */
export interface HighlightTarget {
  selector: string;
  text?: string;
}

/** The target as one string, the cache key of its picture (highlight_shots.selector). */
export function targetKey(target: HighlightTarget): string {
  return target.text ? `${target.selector} >> text=${JSON.stringify(target.text)}` : target.selector;
}

/**
 * The element an evidence item points at: its selector, narrowed to the highlighted words for text
 * evidence (whose selector is the whole body or footer). Null when there is nothing to single out.
 */
export function highlightTargetOf(e: {
  kind: string;
  selector?: string | null;
  snippet?: string | null;
  highlight?: { start: number; end: number } | null;
}): HighlightTarget | null {
  if (!e.selector || e.selector === 'html') return null;
  const words = e.highlight && e.snippet ? e.snippet.slice(e.highlight.start, e.highlight.end).trim() : '';
  if (e.kind === 'text') return words ? { selector: e.selector, text: words } : null;
  if (e.selector === 'body') return null;
  return { selector: e.selector };
}

const VIEWPORT = { width: 1280, height: 800 } as const;
const TIMEOUT_MS = 15_000;
/** Room around the element in the cropped picture, and its largest size. */
const MARGIN = 32;
const MAX_CROP = { width: 1280, height: 640 } as const;
const MIN_CROP_WIDTH = 480;
const MIN_CROP_HEIGHT = 240;
const JPEG_QUALITY = 0.8;
/** The largest part of a page shot at once: crops spread wider or taller are shot in parts. */
const MAX_SHOT = { width: 4096, height: 16_384 } as const;
/**
 * Crops further apart than this are shot apart: shooting the page between them would cost more
 * than a second screenshot (whose own cost is about that of 700 rows 1,280 px wide).
 */
const MAX_GAP = 640;
/** Where the page is "loaded" from when its own URL is not http(s). */
const FALLBACK_URL = 'https://capture.portal-audit.invalid/';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What LOCATE_TARGETS returns: each target's box (document coordinates) and the document's size. */
interface Located {
  boxes: (Rect | null)[];
  width: number;
  height: number;
}

/** A picture to draw: its crop of the page and the outlined box, cut from shot number `shot`. */
interface Picture {
  shot: number;
  crop: Rect;
  box: Rect;
}

/** The browser, the blank page (script on, network off) the pictures are drawn in, and idle stages. */
interface Session {
  browser: Browser;
  painter: Page;
  stages: Stage[];
}

/**
 * A page that shows stored pages one after another (JavaScript off, every request but the stored
 * document's aborted), kept between loads: a new context costs a renderer process each time.
 */
interface Stage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** The stored document the next navigation to `href` gets, once. */
  serving: { href: string; html: string } | null;
}

/**
 * Pictures of a stored page with evidence elements outlined, each cropped around its element. The
 * stored HTML is re-rendered offline in Chromium: JavaScript off, the document served under the
 * captured-page CSP (sandboxed, no network, no meta refresh), every other request aborted. So a
 * picture shows the element where the rule found it even below the first viewport, at the cost of
 * the page's external CSS and images, which are not stored. The crawl's own screenshot is shown
 * beside it.
 *
 * One load of a page makes all its pictures: one script finds every element and its place in the
 * document, one screenshot covers all their crops (two or more only when crops lie far apart), and
 * a canvas in a second page cuts the crops out of it, draws the outlines and encodes the JPEGs. The
 * stored page itself is never changed or scrolled.
 */
export class Highlighter {
  #session: Promise<Session> | null = null;
  readonly #limit: ReturnType<typeof pLimit>;
  #closed = false;

  /** `concurrency`: pages rendered at once (each in its own context). */
  constructor(
    private readonly executablePath: string,
    concurrency = 1,
  ) {
    this.#limit = pLimit(concurrency);
  }

  /**
   * A JPEG of the outlined element with some of the page around it, or null when the target matches
   * nothing in the stored HTML (or its selector is not CSS, or its element has no box or lies off
   * the page).
   */
  async render(html: string, target: HighlightTarget | string, pageUrl: string): Promise<Buffer | null> {
    const t = typeof target === 'string' ? { selector: target } : target;
    const [shot] = await this.renderAll(html, [t], pageUrl);
    return shot ?? null;
  }

  /**
   * Pictures of several elements of one stored page, in order, from ONE load of it, each the one
   * `render` makes alone. A target the page cannot show gets null. `goOn()` is asked once per
   * picture, once the page is loaded: from its first no, the rest are left out of the returned
   * list (no picture made, nothing cached).
   */
  renderAll(
    html: string,
    targets: readonly HighlightTarget[],
    pageUrl: string,
    goOn: () => boolean = () => true,
  ): Promise<(Buffer | null)[]> {
    return this.#limit(() => this.#renderAll(html, targets, pageUrl, goOn));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const session = this.#session;
    this.#session = null;
    if (session) await (await session.catch(() => null))?.browser.close();
  }

  /** Starts the browser now (while other work runs), so the first picture does not wait for it. */
  warmUp(): void {
    if (this.#closed) return;
    this.#launch().catch(() => undefined);
  }

  #launch(): Promise<Session> {
    if (this.#closed) throw new Error('The highlighter is closed');
    if (!this.#session) {
      const launching = openSession(this.executablePath);
      this.#session = launching;
      // A crashed or failed browser is launched again on the next render.
      const forget = () => {
        if (this.#session === launching) this.#session = null;
      };
      launching.then(({ browser }) => browser.on('disconnected', forget), forget);
    }
    return this.#session;
  }

  async #renderAll(
    html: string,
    targets: readonly HighlightTarget[],
    pageUrl: string,
    goOn: () => boolean,
  ): Promise<(Buffer | null)[]> {
    const session = await this.#launch();
    const stage = session.stages.pop() ?? (await openStage(session.browser));
    let shots: { rect: Rect; png: string }[];
    let pictures: (Picture | null)[];
    try {
      const page = await showStoredPage(stage, html, pageUrl);
      const located = await withDeadline(
        evaluateScript<Located>(page, LOCATE_TARGETS, targets),
        TIMEOUT_MS,
        'Finding the elements',
      );
      let count = 0;
      while (count < targets.length && goOn()) count++;
      const plan = planShots(located.boxes.slice(0, count), located);
      pictures = plan.pictures;
      shots = [];
      // Straight to the protocol: Playwright's screenshot has no fast PNG encoding, and prepares
      // and measures the page again for each shot.
      for (const rect of plan.shots) {
        const { data } = await withDeadline(
          stage.cdp.send('Page.captureScreenshot', {
            format: 'png',
            clip: { ...rect, scale: 1 },
            captureBeyondViewport: true,
            optimizeForSpeed: true,
          }),
          TIMEOUT_MS,
          'The screenshot',
        );
        shots.push({ rect, png: data });
      }
    } catch (error) {
      // A stage cut mid-way is not trusted with the next page.
      await stage.context.close().catch(() => undefined);
      throw error;
    }
    if (!this.#closed) session.stages.push(stage);
    if (shots.length === 0) return pictures.map(() => null);
    const jpegs = await withDeadline(
      evaluateScript<(string | null)[]>(session.painter, PAINT_PICTURES, {
        shots: shots.map(({ rect, png }) => ({ x: rect.x, y: rect.y, png })),
        pictures,
        quality: JPEG_QUALITY,
      }),
      TIMEOUT_MS,
      'Drawing the pictures',
    );
    return pictures.map((_, i) => {
      const jpeg = jpegs[i];
      return jpeg ? Buffer.from(jpeg, 'base64') : null;
    });
  }
}

async function openSession(executablePath: string): Promise<Session> {
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({ offline: true, serviceWorkers: 'block' });
    await context.route('**/*', (route) => route.abort());
    const painter = await context.newPage();
    // Without its painter the browser is of no use: closing it has the next render launch both again.
    painter.on('crash', () => {
      browser.close().catch(() => undefined);
    });
    return { browser, painter, stages: [] };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

async function openStage(browser: Browser): Promise<Stage> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: VIEWPORT,
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const stage: Stage = { context, page, cdp: await context.newCDPSession(page), serving: null };
    await context.route('**/*', async (route) => {
      const request = route.request();
      const serving = stage.serving;
      if (serving && request.isNavigationRequest() && request.url() === serving.href) {
        stage.serving = null;
        await route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': CAPTURED_PAGE_CSP },
          body: serving.html,
        });
        return;
      }
      await route.abort();
    });
    return stage;
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/** The stage's page showing the stored HTML as if loaded from `pageUrl`, and nothing else. */
async function showStoredPage(stage: Stage, html: string, pageUrl: string): Promise<Page> {
  // Without its fragment: the request the browser makes has none.
  const href = new URL(/^https?:\/\//i.test(pageUrl) ? pageUrl : FALLBACK_URL).href.split('#')[0]!;
  const { page } = stage;
  if (page.url() === href) await page.goto('about:blank', { timeout: TIMEOUT_MS });
  stage.serving = { href, html };
  await page.goto(href, { waitUntil: 'load', timeout: TIMEOUT_MS });
  return page;
}

/**
 * The element's box with a margin, at least MIN_CROP_WIDTH × MIN_CROP_HEIGHT, at most MAX_CROP,
 * inside the document; centred on the element when it fits, else from just above its top.
 */
function cropAround(box: Rect, page: { width: number; height: number }): Rect {
  const width = Math.min(MAX_CROP.width, page.width, Math.max(MIN_CROP_WIDTH, box.width + 2 * MARGIN));
  const height = Math.min(MAX_CROP.height, page.height, Math.max(MIN_CROP_HEIGHT, box.height + 2 * MARGIN));
  const x = Math.max(0, Math.min(page.width - width, box.x + box.width / 2 - width / 2));
  const top = box.height + 2 * MARGIN <= height ? box.y + box.height / 2 - height / 2 : box.y - MARGIN;
  const y = Math.max(0, Math.min(page.height - height, top));
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

/**
 * The pictures of the elements with these boxes, and the parts of the page to shoot so that each
 * crop lies whole in one of them, usually one part: crops are taken top to bottom, and one starts
 * a new part only when it lies more than MAX_GAP below the current part or would make it larger
 * than MAX_SHOT.
 */
function planShots(
  boxes: readonly (Rect | null)[],
  page: { width: number; height: number },
): { shots: Rect[]; pictures: (Picture | null)[] } {
  // An element wholly off the page (a skip link at left: -9999px) has nothing to show.
  const crops = boxes.map((box) => (box && overlaps(box, page) ? cropAround(box, page) : null));
  const shots: Rect[] = [];
  const shotOf = new Map<number, number>();
  const order = [...crops.keys()].filter((i) => crops[i]).sort((a, b) => crops[a]!.y - crops[b]!.y);
  for (const i of order) {
    const crop = crops[i]!;
    const last = shots.at(-1);
    const merged = last && union(last, crop);
    if (
      merged &&
      crop.y - (last.y + last.height) <= MAX_GAP &&
      merged.width <= MAX_SHOT.width &&
      merged.height <= MAX_SHOT.height
    ) {
      shots[shots.length - 1] = merged;
    } else {
      shots.push(crop);
    }
    shotOf.set(i, shots.length - 1);
  }
  return {
    shots,
    pictures: boxes.map((box, i) => {
      const crop = crops[i];
      return box && crop ? { shot: shotOf.get(i)!, crop, box } : null;
    }),
  };
}

function overlaps(box: Rect, page: { width: number; height: number }): boolean {
  return box.x < page.width && box.y < page.height && box.x + box.width >= 0 && box.y + box.height >= 0;
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  const right = Math.max(a.x + a.width, b.x + b.width);
  const bottom = Math.max(a.y + a.height, b.y + b.height);
  return { x, y, width: right - x, height: bottom - y };
}
