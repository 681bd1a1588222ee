import type { ConsoleMessage, Frame, Page, Response } from 'playwright-core';
import type { FetchStatus } from '../../src/core/index.ts';
import { NetworkQuiet } from './network-quiet.ts';

const MAX_CONSOLE_ERRORS = 20;
const MAX_CONSOLE_CHARS = 300;

/** Why the context's request guard refused the page's main document. */
export interface BlockedNavigation {
  status: FetchStatus;
  reason: string;
}

/** What is observed on one page while it loads: console errors, requests, main-document responses. */
export class PageSession {
  readonly consoleErrors: string[] = [];
  readonly network: NetworkQuiet;
  /** Last main-frame document response (a form submission or a client-side navigation updates it). */
  lastDocument: Response | null = null;
  mainFrameNavigations = 0;
  blocked: BlockedNavigation | null = null;

  readonly #onConsole = (message: ConsoleMessage) => {
    // Requests the renderer itself aborted (fonts, media, refused hosts) are not the page's fault.
    if (message.type() === 'error' && !message.text().includes('ERR_BLOCKED_BY_CLIENT')) {
      this.#addError(message.text());
    }
  };
  readonly #onPageError = (error: Error) => this.#addError(`${error.name}: ${error.message}`);
  readonly #onResponse = (response: Response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === this.page.mainFrame())
      this.lastDocument = response;
  };
  readonly #onFrameNavigated = (frame: Frame) => {
    if (frame === this.page.mainFrame()) this.mainFrameNavigations++;
  };

  constructor(readonly page: Page) {
    this.network = new NetworkQuiet(page);
    page.on('console', this.#onConsole);
    page.on('pageerror', this.#onPageError);
    page.on('response', this.#onResponse);
    page.on('framenavigated', this.#onFrameNavigated);
  }

  /** Stops observing the page (the pool may hand it to another render). */
  dispose(): void {
    this.page.off('console', this.#onConsole);
    this.page.off('pageerror', this.#onPageError);
    this.page.off('response', this.#onResponse);
    this.page.off('framenavigated', this.#onFrameNavigated);
    this.network.dispose();
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

const sessions = new WeakMap<Page, PageSession>();

export function openSession(page: Page): PageSession {
  const session = new PageSession(page);
  sessions.set(page, session);
  return session;
}

export function sessionOf(page: Page): PageSession | undefined {
  return sessions.get(page);
}
