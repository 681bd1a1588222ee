import type { CDPSession, Page } from 'playwright-core';

export interface ViewportSize {
  width: number;
  height: number;
}

/**
 * What we do to a page over a DevTools session of our own (one per page, kept while the page lives),
 * where Playwright's equivalents do more on every page than we need: `setViewportSize` also resizes
 * the headless window, and `screenshot` evaluates a preparation script in every frame, waits for
 * fonts, reads the layout metrics and cleans up afterwards (about 15 ms of CPU more per screenshot,
 * and often far more waiting when two pages render at once).
 */
const sessions = new WeakMap<Page, Promise<CDPSession>>();
const emulated = new WeakMap<Page, ViewportSize>();
const targetIds = new WeakMap<Page, Promise<string>>();

/** Our DevTools session of the page, opened on first use. */
export function devtools(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    session.catch(() => sessions.delete(page));
    sessions.set(page, session);
  }
  return session;
}

/** The page's DevTools target id, which is also the id of its main frame in network events. */
export function pageTargetId(page: Page): Promise<string> {
  let id = targetIds.get(page);
  if (!id) {
    id = devtools(page)
      .then((session) => session.send('Target.getTargetInfo'))
      .then(({ targetInfo }) => targetInfo.targetId);
    id.catch(() => targetIds.delete(page));
    targetIds.set(page, id);
  }
  return id;
}

/** The size the page lays out at: the last one set here, else the context's. */
export function viewportOf(page: Page): ViewportSize | null {
  return emulated.get(page) ?? page.viewportSize();
}

/** Lays the page out at `size` (desktop metrics: no touch, scale 1); nothing when it already is. */
export async function setViewport(page: Page, size: ViewportSize): Promise<void> {
  const current = viewportOf(page);
  if (current?.width === size.width && current.height === size.height) return;
  await (await devtools(page)).send('Emulation.setDeviceMetricsOverride', {
    width: size.width,
    height: size.height,
    screenWidth: size.width,
    screenHeight: size.height,
    deviceScaleFactor: 1,
    mobile: false,
    screenOrientation: { angle: 0, type: 'landscapePrimary' },
  });
  emulated.set(page, { width: size.width, height: size.height });
}

/** JPEG of what the viewport shows now (where the page is scrolled to). The caret is left alone. */
export async function viewportScreenshot(page: Page, quality = 60): Promise<Buffer> {
  const { data } = await (await devtools(page)).send('Page.captureScreenshot', {
    format: 'jpeg',
    quality,
    optimizeForSpeed: true,
  });
  return Buffer.from(data, 'base64');
}
