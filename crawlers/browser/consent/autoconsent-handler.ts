import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { filterCompactRules } from '@duckduckgo/autoconsent';
import type { Page } from 'playwright-core';
import type { ConsentAction, ConsentBanner } from '../../../src/core/index.ts';
import type { ConsentMemo } from '../../contracts.ts';
import { hostOf } from '../../frontier/normalize-url.ts';
import { evaluateScript } from '../in-page.ts';
import type { ConsentHandler } from './consent-handler.ts';
import { CONSENT_LIKELY, DRAIN_INBOX, INSTALL_INBOX, SEND_TO_LIBRARY } from './consent-scripts.ts';

const require = createRequire(import.meta.url);
const DIST = dirname(require.resolve('@duckduckgo/autoconsent'));
/** The library's page bundle (an IIFE for Playwright/Puppeteer; not in its exports map, hence ~ in package.json). */
const PAGE_SCRIPT = readFileSync(join(DIST, 'autoconsent.playwright.js'), 'utf8');
const COMPACT_RULES = JSON.parse(
  readFileSync(require.resolve('@duckduckgo/autoconsent/rules/compact-rules.json'), 'utf8'),
) as Parameters<typeof filterCompactRules>[0];
const VERSION = (JSON.parse(readFileSync(join(DIST, '..', 'package.json'), 'utf8')) as { version: string })
  .version;

/** Library lifecycles after which nothing more happens on the page. */
const FINISHED = new Set(['nothingDetected', 'done', 'optOutSucceeded', 'optOutFailed']);
const POLL_MS = 25;

/**
 * Library settings: opt out (reject, or necessary cookies only), cosmetic hiding when a platform
 * offers no opt-out, no detection retry (the page has loaded and settled by now), snippets run in
 * the page's own world (the bundle is evaluated there), nothing logged.
 */
const CONFIG = {
  enabled: true,
  autoAction: 'optOut',
  disabledCmps: [],
  enablePrehide: false,
  enableCosmeticRules: true,
  enableGeneratedRules: true,
  enableHeuristicDetection: false,
  detectRetries: 0,
  isMainWorld: true,
  prehideTimeout: 2000,
  visualTest: false,
  logs: {
    lifecycle: false,
    rulesteps: false,
    detectionsteps: false,
    evals: false,
    errors: false,
    messages: false,
    waits: false,
  },
} as const;

type LibraryMessage =
  | { type: 'init'; url: string }
  | { type: 'eval'; id: string; code: string }
  | { type: 'cmpDetected' | 'popupFound'; cmp: string }
  | { type: 'optOutResult'; cmp: string; result: boolean }
  | { type: 'autoconsentDone'; cmp: string; isCosmetic: boolean }
  | { type: 'report'; state: { lifecycle: string } }
  | { type: string };

/** What the library has said so far on one page. */
interface LibraryState {
  cmp: string | null;
  /** A dialog was open. */
  popup: boolean;
  optedOut: boolean | null;
  done: { cosmetic: boolean } | null;
  lifecycle: string;
}

/**
 * Closes consent dialogs with DuckDuckGo's autoconsent (its rules for several hundred consent
 * platforms ship with the package: nothing is fetched). The library's page bundle is evaluated only
 * on pages whose text names cookies or consent; its messages go through a list in the page that is
 * polled from here, within the deadline.
 */
export class AutoconsentHandler implements ConsentHandler {
  async close(page: Page, deadline: number, memo?: ConsentMemo): Promise<ConsentBanner | null> {
    if (memo?.hostsWithoutDialog.has(hostOf(page.url()))) return null;
    try {
      if (!(await evaluateScript<boolean>(page, CONSENT_LIKELY))) return null;
      // A second call on the same document (a retried step) finds the library already there.
      if (!(await evaluateScript<boolean>(page, INSTALL_INBOX))) return null;
      await page.evaluate(PAGE_SCRIPT);
      return await this.#follow(page, deadline, memo);
    } catch {
      return null;
    }
  }

  async #follow(page: Page, deadline: number, memo?: ConsentMemo): Promise<ConsentBanner | null> {
    const seen: LibraryState = { cmp: null, popup: false, optedOut: null, done: null, lifecycle: '' };
    const finished = () => seen.done !== null || FINISHED.has(seen.lifecycle);
    while (performance.now() < deadline && !finished()) {
      for (const message of await evaluateScript<LibraryMessage[]>(page, DRAIN_INBOX)) {
        await this.#take(page, message, seen);
      }
      if (!finished()) await delay(Math.min(POLL_MS, deadline - performance.now()));
    }
    if (seen.lifecycle === 'nothingDetected') memo?.hostsWithoutDialog.add(hostOf(page.url()));
    if (!seen.popup || !seen.cmp) return null;
    let action: ConsentAction = seen.optedOut === true ? 'rejected' : 'left_open';
    if (seen.done && seen.optedOut !== false) action = seen.done.cosmetic ? 'hidden' : 'rejected';
    return { cmp: seen.cmp, action, handler: `autoconsent ${VERSION}` };
  }

  /** Answers the library's requests (its settings and rules, main-world evaluations) and notes its reports. */
  async #take(page: Page, message: LibraryMessage, seen: LibraryState): Promise<void> {
    if (message.type === 'init' && 'url' in message) {
      const rules = { compact: filterCompactRules(COMPACT_RULES, { url: message.url, mainFrame: true }) };
      await evaluateScript(page, SEND_TO_LIBRARY, { type: 'initResp', config: CONFIG, rules });
    } else if (message.type === 'eval' && 'code' in message) {
      const result = await page.evaluate(message.code).catch(() => false);
      await evaluateScript(page, SEND_TO_LIBRARY, { type: 'evalResp', id: message.id, result });
    } else if (message.type === 'popupFound' && 'cmp' in message) {
      seen.popup = true;
      seen.cmp = message.cmp;
    } else if (message.type === 'cmpDetected' && 'cmp' in message) {
      seen.cmp ??= message.cmp;
    } else if (message.type === 'optOutResult' && 'result' in message) {
      seen.optedOut = message.result;
    } else if (message.type === 'autoconsentDone' && 'isCosmetic' in message) {
      seen.done = { cosmetic: message.isCosmetic };
      seen.popup = true;
      seen.cmp = message.cmp;
    } else if (message.type === 'report' && 'state' in message) {
      seen.lifecycle = message.state.lifecycle;
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
