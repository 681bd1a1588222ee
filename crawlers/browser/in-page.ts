import type { Page } from 'playwright-core';

/**
 * Code that runs inside the page, kept as plain JavaScript source. Functions written in TypeScript
 * and passed to `page.evaluate` break under tsx (esbuild's keepNames wraps inner functions in a
 * `__name` helper that does not exist in the page), so everything here is a string.
 */

export function evaluateScript<T>(page: Page, fnSource: string, arg: unknown = null): Promise<T> {
  return page.evaluate(`(${fnSource})(${JSON.stringify(arg)})`) as Promise<T>;
}

/**
 * A CSS selector of an element in its document: `#id` at the nearest ancestor-or-self with a unique
 * id, then `tag:nth-of-type(n)` steps down to it.
 */
export const CSS_PATH = `(el) => {
  const parts = [];
  for (let node = el; node && node.nodeType === 1 && node !== document.documentElement; node = node.parentElement) {
    if (node.id && document.querySelectorAll('#' + CSS.escape(node.id)).length === 1) {
      parts.unshift('#' + CSS.escape(node.id));
      break;
    }
    const parent = node.parentElement;
    const siblings = parent ? Array.from(parent.children).filter((c) => c.tagName === node.tagName) : [];
    const tag = node.tagName.toLowerCase();
    parts.unshift(siblings.length > 1 ? tag + ':nth-of-type(' + (siblings.indexOf(node) + 1) + ')' : tag);
  }
  return parts.join(' > ');
}`;

/** Resolves after the next animation frame (or 100 ms when frames are not being produced). */
export const NEXT_FRAME = `() => new Promise((resolve) => {
  const timer = setTimeout(() => resolve(null), 100);
  requestAnimationFrame(() => { clearTimeout(timer); resolve(null); });
})`;

/** The rendered DOM as HTML, the body's innerText (capped before crossing the protocol) and the title. */
export const READ_DOCUMENT = `(maxText) => {
  const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
  const root = document.documentElement;
  const text = document.body ? document.body.innerText || '' : '';
  return {
    html: root ? doctype + root.outerHTML : '',
    text: text.length > maxText ? text.slice(0, maxText) : text,
    title: document.title || '',
  };
}`;

/**
 * Readies a page's document to be replaced: loading stopped, and out of layout, so that restoring
 * the viewport lays nothing out and the next navigation discards no layout tree. Measured on
 * 30–100 KB portal pages, this and the next navigation cost about 75 ms of CPU less than a
 * navigation to about:blank in between.
 */
export const RETIRE_DOCUMENT = `() => {
  window.stop();
  const root = document.documentElement;
  if (root) root.style.setProperty('display', 'none', 'important');
}`;

/** Horizontal overflow at the current viewport, measured after a frame (or 100 ms without frames). */
export const MEASURE_WIDTH = `async () => {
  await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 100);
    requestAnimationFrame(() => { clearTimeout(timer); resolve(null); });
  });
  const root = document.documentElement;
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
}`;

/**
 * Runs axe-core and shrinks its result in the page: first `maxNodes` nodes per rule, HTML snippets
 * capped at `maxHtml` characters, counts only for passes and inapplicable rules. Null when the page
 * has no axe (the caller injects it and asks again).
 */
export const AXE_RUN = `async ({ tags, maxNodes, maxHtml }) => {
  if (!window.axe || typeof window.axe.run !== 'function') return null;
  const results = await window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations', 'incomplete'],
  });
  const findings = (list) => list.map((rule) => ({
    ruleId: rule.id,
    impact: rule.impact || null,
    help: rule.help,
    helpUrl: rule.helpUrl,
    tags: rule.tags,
    nodeCount: rule.nodes.length,
    nodes: rule.nodes.slice(0, maxNodes).map((node) => {
      const selector = node.target
        .map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part)))
        .join(' >> ');
      const html = node.html.length > maxHtml ? node.html.slice(0, maxHtml - 1) + '…' : node.html;
      return node.failureSummary ? { selector, html, failureSummary: node.failureSummary } : { selector, html };
    }),
  }));
  return {
    version: window.axe.version,
    violations: findings(results.violations),
    incomplete: findings(results.incomplete),
    passes: results.passes.length,
    inapplicable: results.inapplicable.length,
  };
}`;

/** Counts DOM mutations from now on (in `window.__paMutations`), to see a JS search update the page. */
export const WATCH_MUTATIONS = `() => {
  window.__paMutations = 0;
  new MutationObserver((records) => { window.__paMutations += records.length; })
    .observe(document, { subtree: true, childList: true, characterData: true });
}`;

export const MUTATION_COUNT = `() => window.__paMutations || 0`;

/**
 * Puts the query in the input without a visible element (hidden behind a toggle) and submits the
 * form the way a script-free browser would.
 */
export const FORCE_SUBMIT = `({ inputSelector, query }) => {
  const input = document.querySelector(inputSelector);
  if (!input) return false;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const form = input.form;
  if (!form) return false;
  if (typeof form.requestSubmit === 'function') form.requestSubmit(); else form.submit();
  return true;
}`;

/** The results page: start of its HTML, whole visible text, main region (or body) text and its links. */
export const READ_RESULTS = `(maxLinks) => {
  const body = document.body;
  const main = document.querySelector('main, [role="main"]') || body;
  const links = main
    ? Array.from(main.querySelectorAll('a[href], area[href]')).slice(0, maxLinks)
        .map((a) => ({ href: a.href, raw: a.getAttribute('href') || '' }))
    : [];
  return {
    title: document.title || '',
    head: document.documentElement ? document.documentElement.outerHTML.slice(0, 200000) : '',
    text: body ? body.innerText || '' : '',
    mainText: main ? main.innerText || '' : '',
    links,
  };
}`;
