/**
 * In-page code for pages drawn by script (plain JavaScript source; see in-page.ts for why).
 */
import { CSS_PATH } from './in-page.ts';

/**
 * Context init script: notes every URL the page moves to without loading a document (pushState,
 * replaceState, a hash change, back/forward) in `window.__paRoutes`, at most 200 of them so that a
 * page pushing routes in a loop cannot grow it without end.
 */
export const ROUTE_LOG_INIT_SCRIPT = `(() => {
  if (window.__paRoutes) return;
  const routes = [];
  Object.defineProperty(window, '__paRoutes', { value: routes });
  const note = (via) => { if (routes.length < 200) routes.push({ url: String(location.href), via }); };
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name];
    if (typeof original !== 'function') continue;
    history[name] = function (...args) {
      const result = original.apply(this, args);
      try { note('history'); } catch (e) {}
      return result;
    };
  }
  addEventListener('hashchange', () => note('hash'));
  addEventListener('popstate', () => note('history'));
})();`;

/**
 * Resolves once the DOM has had no element or text change for `quietMs`, or after `capMs`
 * (attribute changes, such as a carousel's, do not count). Returns how long it waited.
 */
export const DOM_SETTLE = `({ quietMs, capMs }) => new Promise((resolve) => {
  const start = performance.now();
  let last = start;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  const tick = () => {
    const now = performance.now();
    if (now - last >= quietMs || now - start >= capMs) {
      observer.disconnect();
      resolve(Math.round(now - start));
    } else setTimeout(tick, Math.min(50, quietMs));
  };
  setTimeout(tick, Math.min(50, quietMs));
})`;

/** Elements that may lead to a view without being an `<a href>` (shared by the two scripts below). */
const CANDIDATE_SELECTOR =
  '[role=link],[role=menuitem],[role=tab],[onclick],[data-href],[data-url],[data-link],[data-route],[data-view],[routerlink],[ng-click],[ng-href],a[href^="#/"],a[href^="#!"]';

/**
 * Navigation elements that are not ordinary links: role=link|menuitem|tab, elements with a click
 * handler attribute or a routing attribute, and hash-route anchors (`#/path`). Elements in forms,
 * form controls, real links and disabled ones are left out; hidden ones are not (a closed
 * drop-down menu still holds its items). For each: its position in the selector's list, its text,
 * a CSS selector, and the URL it names (a routing attribute, a location assignment in its onclick,
 * a hash route), else null: only a click tells where it leads.
 */
export const READ_VIEW_CANDIDATES = `(max) => {
  const URL_ATTRIBUTES = ['data-href', 'data-url', 'data-link', 'data-route', 'routerlink', 'ng-href'];
  const ONCLICK_URL = /(?:location(?:\\.href)?\\s*=|location\\.(?:assign|replace)\\(|window\\.open\\()\\s*['"]([^'"]+)['"]/;
  const cssPath = ${CSS_PATH};
  const out = [];
  const elements = Array.from(document.querySelectorAll(${JSON.stringify(CANDIDATE_SELECTOR)}));
  for (let index = 0; index < elements.length && out.length < max; index++) {
    const el = elements[index];
    if (el.closest('form') || /^(INPUT|TEXTAREA|SELECT|OPTION)$/.test(el.tagName)) continue;
    const href = el.tagName === 'A' ? (el.getAttribute('href') || '').trim() : null;
    const hashRoute = href !== null && /^#!?\\//.test(href);
    if (href !== null && !hashRoute && !/^(#|javascript:|$)/i.test(href)) continue;
    if (el.matches('[disabled],[aria-disabled=true]')) continue;
    const text = (el.innerText || el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim();
    if (!text || text.length > 100) continue;
    let url = hashRoute ? href : null;
    for (const name of URL_ATTRIBUTES) {
      const value = url ? null : el.getAttribute(name);
      if (value && value.trim()) url = value.trim();
    }
    if (!url) {
      const match = ONCLICK_URL.exec(el.getAttribute('onclick') || '');
      if (match) url = match[1];
    }
    let absolute = null;
    if (url) { try { absolute = new URL(url, location.href).href; } catch (e) { absolute = null; } }
    out.push({ index, text, selector: cssPath(el), url: absolute, hashRoute });
  }
  return out;
}`;

/**
 * Clicks a candidate of READ_VIEW_CANDIDATES (by position, or by text when the menu was drawn
 * again since) with a synthetic click (no scrolling, no actionability waits), after making
 * window.open a no-op that only notes its URL, and says where the page is one frame later. A click
 * that loads another document ends the evaluation; the caller sees that as a navigation.
 */
export const CLICK_VIEW_CANDIDATE = `async ({ index, text }) => {
  if (!window.__paOpened) {
    Object.defineProperty(window, '__paOpened', { value: [] });
    window.open = (url) => { if (window.__paOpened.length < 50) window.__paOpened.push(String(url)); return null; };
  }
  const textOf = (el) => (el.innerText || el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim();
  const elements = Array.from(document.querySelectorAll(${JSON.stringify(CANDIDATE_SELECTOR)}));
  let el = elements[index];
  if (!el || textOf(el) !== text) el = elements.find((e) => textOf(e) === text);
  const before = location.href;
  if (!el) return { clicked: false, before, after: before };
  el.click();
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => { clearTimeout(timer); resolve(null); });
  });
  return { clicked: true, before, after: location.href };
}`;

/** Routes the page moved to, and URLs it tried to open in a new window, since it loaded. */
export const READ_ROUTES = `() => ({
  routes: Array.isArray(window.__paRoutes) ? window.__paRoutes.slice(0, 200) : [],
  opened: Array.isArray(window.__paOpened) ? window.__paOpened.slice(0, 50) : [],
})`;
