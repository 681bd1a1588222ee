import type { PageCapture, PageCookie, PagePerformance } from '../core/index.ts';
import { finding, plural } from './finding.ts';
import { isHttps } from './posture-pages.ts';
import type { PostureFinding } from './posture-schema.ts';
import { THRESHOLDS } from './thresholds.ts';

/** Names session identifiers usually have (PHPSESSID, JSESSIONID, ASP.NET_SessionId, sid, auth tokens). */
const SESSION_NAME = /sess|^sid$|auth|token|login/i;

/** Cookies, mixed content and forms, from the portal pages' loads and their captured forms. */
export function contentFindings(pages: readonly PageCapture[]): PostureFinding[] {
  const measured = pages.filter((p) => p.render?.performance !== undefined);
  return [cookieFinding(measured), mixedContentFinding(measured), formsOverHttpFinding(pages)];
}

function performanceOf(page: PageCapture): PagePerformance {
  return page.render?.performance as PagePerformance;
}

/** Each distinct cookie once, with the first page it was seen on. */
export function distinctCookies(pages: readonly PageCapture[]): { cookie: PageCookie; url: string }[] {
  const seen = new Map<string, { cookie: PageCookie; url: string }>();
  for (const page of pages) {
    for (const cookie of performanceOf(page).cookies) {
      const key = `${cookie.domain}\u0000${cookie.name}`;
      if (!seen.has(key)) seen.set(key, { cookie, url: page.finalUrl });
    }
  }
  return [...seen.values()];
}

function cookieFinding(measured: readonly PageCapture[]): PostureFinding {
  const title = 'Cookie flags';
  if (measured.length === 0)
    return finding('cookies', title, 'unknown', 'No page was loaded in the browser.', THRESHOLDS.cookies);
  const https = measured.some((p) => isHttps(p.finalUrl));
  const own = distinctCookies(measured).filter((c) => !c.cookie.thirdParty);
  if (own.length === 0)
    return finding('cookies', title, 'pass', 'The portal sets no cookies of its own.', THRESHOLDS.cookies);
  const insecure = https ? own.filter((c) => !c.cookie.secure) : [];
  const scriptable = own.filter((c) => SESSION_NAME.test(c.cookie.name) && !c.cookie.httpOnly);
  const noSameSite = own.filter((c) => c.cookie.sameSite === null);
  const show = (list: typeof own, what: string) =>
    list.map((c) => ({ url: c.url, value: `${c.cookie.name} (${c.cookie.domain}): ${what}` }));
  if (insecure.length > 0 || scriptable.length > 0) {
    const parts = [
      insecure.length > 0 ? `${plural(insecure.length, 'cookie')} without Secure` : null,
      scriptable.length > 0
        ? `${plural(scriptable.length, 'session cookie')} readable by scripts (no HttpOnly)`
        : null,
    ].filter(Boolean);
    return finding(
      'cookies',
      title,
      'fail',
      `Of ${plural(own.length, 'portal cookie')}: ${parts.join('; ')}.`,
      THRESHOLDS.cookies,
      [...show(insecure, 'no Secure'), ...show(scriptable, 'no HttpOnly')],
    );
  }
  if (noSameSite.length > 0) {
    return finding(
      'cookies',
      title,
      'attention',
      `${plural(noSameSite.length, 'portal cookie')} without SameSite.`,
      THRESHOLDS.cookies,
      show(noSameSite, 'no SameSite'),
    );
  }
  return finding(
    'cookies',
    title,
    'pass',
    `All ${plural(own.length, 'portal cookie')} carry the expected flags.`,
    THRESHOLDS.cookies,
  );
}

function mixedContentFinding(measured: readonly PageCapture[]): PostureFinding {
  const title = 'Mixed content';
  const https = measured.filter((p) => isHttps(p.finalUrl));
  if (https.length === 0) {
    return finding(
      'mixed-content',
      title,
      'unknown',
      measured.length === 0
        ? 'No page was loaded in the browser.'
        : 'No https page was loaded in the browser.',
      THRESHOLDS.mixedContent,
    );
  }
  const items = https.flatMap((p) => performanceOf(p).mixedContent.map((m) => ({ page: p.finalUrl, ...m })));
  const active = items.filter((m) => m.active);
  const evidence = items.map((m) => ({ url: m.page, value: `${m.resourceType} ${m.url}` }));
  if (active.length > 0) {
    return finding(
      'mixed-content',
      title,
      'fail',
      `${plural(active.length, 'script, style or frame', 'scripts, styles or frames')} loaded over http on https pages.`,
      THRESHOLDS.mixedContent,
      evidence,
    );
  }
  if (items.length > 0) {
    return finding(
      'mixed-content',
      title,
      'attention',
      `${plural(items.length, 'image or media file')} loaded over http on https pages.`,
      THRESHOLDS.mixedContent,
      evidence,
    );
  }
  return finding(
    'mixed-content',
    title,
    'pass',
    `No http resources on ${plural(https.length, 'https page')} loaded.`,
    THRESHOLDS.mixedContent,
  );
}

function formsOverHttpFinding(pages: readonly PageCapture[]): PostureFinding {
  const title = 'Forms sent over http';
  // Forms that carry what a person types (POST, or a password field); a search box on an http portal
  // is already covered by the HTTPS check.
  const insecure = pages.flatMap((p) =>
    p.forms
      .filter((f) => f.method === 'post' || f.fields.some((x) => x.type === 'password'))
      .filter((f) => (f.action || p.finalUrl).startsWith('http:'))
      .map((f) => ({ url: p.finalUrl, value: `${f.method.toUpperCase()} ${f.action || p.finalUrl}` })),
  );
  if (pages.length === 0)
    return finding(
      'forms-over-http',
      title,
      'unknown',
      'No portal page was captured.',
      THRESHOLDS.formsOverHttp,
    );
  if (insecure.length > 0) {
    return finding(
      'forms-over-http',
      title,
      'fail',
      `${plural(insecure.length, 'form')} send what people type over plain http.`,
      THRESHOLDS.formsOverHttp,
      insecure,
    );
  }
  return finding(
    'forms-over-http',
    title,
    'pass',
    'No form sends its data over plain http.',
    THRESHOLDS.formsOverHttp,
  );
}
