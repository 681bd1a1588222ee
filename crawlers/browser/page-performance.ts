import type { Page } from 'playwright-core';
import { type PageCookie, type PagePerformance, withDeadline } from '../../src/core/index.ts';
import { evaluateScript } from './in-page.ts';
import { devtools } from './page-devtools.ts';
import type { NetworkLog } from './page-network-log.ts';
import { isThirdParty } from './registrable-site.ts';
import { READ_VITALS } from './vitals-scripts.ts';

export const MAX_COOKIES = 50;
/** Hosts whose cookies are asked for (the page's own URL comes first). */
const MAX_COOKIE_HOSTS = 100;
const DAY_MS = 86_400_000;

export type PageVitals = Pick<PagePerformance, 'ttfbMs' | 'lcpMs' | 'lcpElement' | 'cls' | 'tbtMs'>;

/**
 * The document's lab Web Vitals so far (see READ_VITALS), or null when they cannot be read in
 * `capMs`. Read before our own scripts run in the page (consent handling, axe), whose long tasks
 * would otherwise count as the page's.
 */
export async function readVitals(page: Page, capMs: number): Promise<PageVitals | null> {
  try {
    return await withDeadline(evaluateScript<PageVitals>(page, READ_VITALS), capMs, 'Reading Web Vitals');
  } catch {
    return null;
  }
}

/**
 * The whole measurement: vitals read earlier, the requests logged so far and the cookies the
 * browser now holds for the page and the hosts it requested; null when the cookies cannot be read
 * in `capMs`. Third parties are hosts and cookie domains outside the registrable domain of the
 * page's document (a portal page's is the portal's).
 */
export async function gatherPerformance(
  page: Page,
  vitals: PageVitals,
  log: NetworkLog,
  capMs: number,
): Promise<PagePerformance | null> {
  const pageUrl = page.url();
  const { hosts, ...requests } = log.summary(pageUrl);
  try {
    const cookies = await withDeadline(readCookies(page, pageUrl, hosts), capMs, 'Reading cookies');
    return { ...vitals, ...requests, cookies };
  } catch {
    return null;
  }
}

async function readCookies(page: Page, pageUrl: string, hosts: string[]): Promise<PageCookie[]> {
  const urls = [pageUrl, ...hosts.slice(0, MAX_COOKIE_HOSTS).flatMap((host) => originsOf(host))];
  const { cookies } = await (await devtools(page)).send('Network.getCookies', { urls });
  const now = Date.now();
  return cookies.slice(0, MAX_COOKIES).map((cookie) => pageCookie(cookie, pageUrl, now));
}

/** Both schemes: a Secure cookie is only returned for an https URL. */
function originsOf(host: string): string[] {
  const name = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return [`https://${name}/`, `http://${name}/`];
}

/** The fields we read of the protocol's Network.Cookie. */
interface BrowserCookie {
  name: string;
  domain: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  session: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
}

function pageCookie(cookie: BrowserCookie, pageUrl: string, now: number): PageCookie {
  return {
    name: cookie.name,
    domain: cookie.domain,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite ?? null,
    thirdParty: isThirdParty(cookie.domain, pageUrl),
    expiresInDays: cookie.session ? null : Math.round(((cookie.expires * 1000 - now) / DAY_MS) * 10) / 10,
  };
}
