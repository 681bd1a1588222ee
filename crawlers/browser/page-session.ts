import type { ConsoleMessage, Frame, Page, Request, Response } from 'playwright-core';
import { NetworkQuiet } from './network-quiet.ts';

const MAX_CONSOLE_ERRORS = 20;
const MAX_CONSOLE_CHARS = 300;

/**
 * What is observed on one page during one render: console errors, requests, main-document
 * responses. The page's listeners are installed once and serve each session in turn (see observe()).
 */
export class PageSession {
  readonly openedAt = performance.now();
  readonly consoleErrors: string[] = [];
  readonly network: NetworkQuiet;
  /** Last main-frame document response (a form submission or a client-side navigation updates it). */
  lastDocument: Response | null = null;
  /** URL of the last main-frame document request (a redirect hop's target, say), answered or not. */
  lastDocumentRequest: string | null = null;
  mainFrameNavigations = 0;
  /**
   * A reused page shows its previous document until this session's navigation commits; what that
   * document logs meanwhile (a fetch cut short by the reset, say) is not this page's error.
   */
  #committed = false;

  onConsole(message: ConsoleMessage): void {
    if (!this.#committed) return;
    // Requests the renderer itself aborted (fonts, media, refused hosts) are not the page's fault.
    if (message.type() === 'error' && !message.text().includes('ERR_BLOCKED_BY_CLIENT')) {
      this.#addError(message.text());
    }
  }

  onPageError(error: Error): void {
    if (this.#committed) this.#addError(`${error.name}: ${error.message}`);
  }

  onRequest(request: Request): void {
    this.network.started(request);
    if (request.isNavigationRequest() && request.frame() === this.page.mainFrame())
      this.lastDocumentRequest = request.url();
  }

  onResponse(response: Response): void {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === this.page.mainFrame())
      this.lastDocument = response;
  }

  onFrameNavigated(frame: Frame): void {
    if (frame !== this.page.mainFrame()) return;
    this.mainFrameNavigations++;
    this.#committed = true;
  }

  constructor(readonly page: Page) {
    this.network = new NetworkQuiet();
  }

  /** Stops taking the page's events (the pool may hand the page to another render). */
  dispose(): void {
    if (sessions.get(this.page) === this) sessions.delete(this.page);
  }

  #addError(text: string): void {
    if (this.consoleErrors.length >= MAX_CONSOLE_ERRORS) return;
    const line = text.replace(/\s+/g, ' ').trim();
    this.consoleErrors.push(
      line.length > MAX_CONSOLE_CHARS ? `${line.slice(0, MAX_CONSOLE_CHARS - 1)}…` : line,
    );
  }
}

/** The session observing each page now. */
const sessions = new WeakMap<Page, PageSession>();
const observed = new WeakSet<Page>();

/**
 * Installs the page's listeners, once per page: they hand each event to the page's current session.
 * Adding the first listener of an event (or removing the last) is a round trip to Playwright's
 * server, five events each way per render if every session brought its own.
 */
function observe(page: Page): void {
  if (observed.has(page)) return;
  observed.add(page);
  page.on('console', (message) => sessions.get(page)?.onConsole(message));
  page.on('pageerror', (error) => sessions.get(page)?.onPageError(error));
  page.on('response', (response) => sessions.get(page)?.onResponse(response));
  page.on('framenavigated', (frame) => sessions.get(page)?.onFrameNavigated(frame));
  page.on('request', (request) => sessions.get(page)?.onRequest(request));
  page.on('requestfinished', (request) => sessions.get(page)?.network.ended(request));
  page.on('requestfailed', (request) => sessions.get(page)?.network.ended(request));
}

export function openSession(page: Page): PageSession {
  observe(page);
  const session = new PageSession(page);
  sessions.set(page, session);
  return session;
}
