import type { ViewLink, ViewSource } from '../../src/core/index.ts';
import type { ViewMemo } from '../contracts.ts';
import { evaluateScript } from './in-page.ts';
import type { PageSession } from './page-session.ts';
import { CLICK_VIEW_CANDIDATE, DOM_SETTLE, READ_ROUTES, READ_VIEW_CANDIDATES } from './view-scripts.ts';

export const VIEW_LIMITS = {
  /** Candidate elements read per page. */
  candidates: 80,
  /** Elements clicked per page (menus repeat on every page: each is clicked once per site). */
  clicks: 20,
  /** Time for all the clicks of one page. */
  clickBudgetMs: 4000,
  /** Views kept per page. */
  views: 100,
  /** DOM settle: no element or text change for this long… */
  settleQuietMs: 250,
  /** …or at most this long. */
  settleCapMs: 2500,
} as const;

interface Candidate {
  index: number;
  text: string;
  selector: string;
  url: string | null;
  hashRoute: boolean;
}

/**
 * What view discovery remembers across the pages of one site: the menu elements already clicked,
 * so that a menu drawn on every page is clicked on the first one only.
 */
export class ViewDiscovery implements ViewMemo {
  readonly #clicked = new Set<string>();

  /** True the first time a site's element (by text and selector) is offered for a click. */
  claimClick(text: string, selector: string): boolean {
    const key = `${text}\u0000${selector}`;
    if (this.#clicked.has(key)) return false;
    this.#clicked.add(key);
    return true;
  }
}

/** Waits until the DOM stops changing (see DOM_SETTLE), within `capMs`. */
export async function settleDom(session: PageSession, capMs: number): Promise<void> {
  const cap = Math.max(0, Math.min(VIEW_LIMITS.settleCapMs, capMs));
  if (cap === 0) return;
  await evaluateScript(session.page, DOM_SETTLE, { quietMs: VIEW_LIMITS.settleQuietMs, capMs: cap }).catch(
    () => {},
  );
}

/**
 * The views of a script-drawn page that are not `<a href>` links: URLs written on menu elements,
 * hash routes, the routes clicks on role=link|menuitem|tab elements lead to, and every route the
 * page pushed (history API, hash changes) since it loaded. Runs last on a page: the clicks change
 * what it shows. A click that loads another document ends the clicking; its URL is kept.
 */
export async function discoverViews(
  session: PageSession,
  memo: ViewMemo,
  deadline: number,
): Promise<ViewLink[]> {
  const { page } = session;
  const pageUrl = page.url();
  const views = new Map<string, ViewLink>();
  const add = (url: string, text: string, via: ViewSource, selector?: string) => {
    if (views.size >= VIEW_LIMITS.views || !/^https?:/i.test(url) || url === pageUrl || views.has(url))
      return;
    views.set(url, { url, text, via, ...(selector ? { selector } : {}) });
  };
  const candidates = await evaluateScript<Candidate[]>(
    page,
    READ_VIEW_CANDIDATES,
    VIEW_LIMITS.candidates,
  ).catch(() => [] as Candidate[]);
  for (const c of candidates) {
    if (c.url) add(c.url, c.text, c.hashRoute ? 'hash' : 'url-attribute', c.selector);
  }
  const stopAt = Math.min(deadline, performance.now() + VIEW_LIMITS.clickBudgetMs);
  const toClick = candidates
    .filter((c) => !c.url && memo.claimClick(c.text, c.selector))
    .slice(0, VIEW_LIMITS.clicks);
  for (const c of toClick) {
    if (performance.now() >= stopAt) break;
    const documentRequest = session.lastDocumentRequest;
    const outcome = await evaluateScript<{ clicked: boolean; before: string; after: string }>(
      page,
      CLICK_VIEW_CANDIDATE,
      { index: c.index, text: c.text },
    ).catch(() => null);
    if (session.lastDocumentRequest !== documentRequest && session.lastDocumentRequest) {
      // The click loads another document: that is where it leads, and this page is gone.
      add(session.lastDocumentRequest, c.text, 'click', c.selector);
      return [...views.values()];
    }
    if (!outcome) break;
    if (outcome.clicked && outcome.after !== outcome.before) add(outcome.after, c.text, 'click', c.selector);
  }
  const log = await evaluateScript<{ routes: { url: string; via: ViewSource }[]; opened: string[] }>(
    page,
    READ_ROUTES,
  ).catch(() => null);
  for (const route of log?.routes ?? []) add(route.url, '', route.via);
  for (const url of log?.opened ?? []) add(absolute(url, pageUrl), '', 'click');
  return [...views.values()];
}

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return '';
  }
}
