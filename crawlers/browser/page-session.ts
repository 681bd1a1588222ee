import type { Page, Response } from 'playwright-core';
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

  constructor(readonly page: Page) {
    this.network = new NetworkQuiet(page);
    page.on('console', (message) => {
      // Requests the renderer itself aborted (fonts, media, refused hosts) are not the page's fault.
      if (message.type() === 'error' && !message.text().includes('ERR_BLOCKED_BY_CLIENT')) {
        this.#addError(message.text());
      }
    });
    page.on('pageerror', (error) => this.#addError(`${error.name}: ${error.message}`));
    page.on('response', (response) => {
      const request = response.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) this.lastDocument = response;
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.mainFrameNavigations++;
    });
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
