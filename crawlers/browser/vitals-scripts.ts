/**
 * In-page code for the lab Web Vitals (plain JavaScript source; see in-page.ts for why).
 */
import { CSS_PATH } from './in-page.ts';

/**
 * Context init script: from the start of each top-level document, keeps the last LCP entry, the
 * layout shifts without recent input and the long tasks (at most 1000 of each) in
 * `window.__paVitals`. Long tasks have no buffer to read afterwards, and the layout-shift buffer
 * stops at 150 entries.
 */
export const VITALS_INIT_SCRIPT = `(() => {
  if (window !== window.top || location.href === 'about:blank' || window.__paVitals) return;
  if (typeof PerformanceObserver !== 'function') return;
  const vitals = { lcp: null, shifts: [], longTasks: [], observers: [] };
  Object.defineProperty(window, '__paVitals', { value: vitals });
  const watch = (type, take) => {
    try {
      const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) take(entry); });
      observer.observe({ type, buffered: true });
      vitals.observers.push({ observer, take });
    } catch (e) {}
  };
  watch('largest-contentful-paint', (entry) => { vitals.lcp = entry; });
  watch('layout-shift', (entry) => {
    if (!entry.hadRecentInput && vitals.shifts.length < 1000) vitals.shifts.push([entry.startTime, entry.value]);
  });
  watch('longtask', (entry) => {
    if (vitals.longTasks.length < 1000) vitals.longTasks.push([entry.startTime, entry.duration]);
  });
})();`;

/**
 * Reads the Web Vitals of the document so far, one animation frame later (or 100 ms when frames
 * are not being produced), so that what was painted last is reported. Without the init script's
 * record (a document it did not reach), the browser's buffers are read instead; long tasks are
 * then unknown (TBT 0).
 * CLS: the largest session window of shifts (a gap under 1 s, at most 5 s long), as web-vitals.
 * TBT: each long task's time beyond 50 ms, counting only its part after first contentful paint.
 */
export const READ_VITALS = `async () => {
  const frame = () => new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => { clearTimeout(timer); resolve(null); });
  });
  await frame();
  const cssPath = ${CSS_PATH};
  let vitals = window.__paVitals;
  if (vitals) {
    const drain = () => { for (const { observer, take } of vitals.observers) for (const entry of observer.takeRecords()) take(entry); };
    drain();
    // An image that has arrived is painted, and reported as LCP, only once decoded: wait (≤ 600 ms)
    // until the largest loaded image in view is reported, or a larger element is.
    let largest = 0;
    for (const img of document.images) {
      const r = img.getBoundingClientRect();
      const w = Math.min(r.right, innerWidth) - Math.max(r.left, 0);
      const h = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
      if (img.complete && img.naturalWidth > 0 && w > 0 && h > 0) largest = Math.max(largest, w * h);
    }
    const until = performance.now() + 600;
    while (largest > 0 && !(vitals.lcp && vitals.lcp.size >= largest * 0.5) && performance.now() < until) {
      await frame();
      drain();
    }
  } else {
    vitals = { lcp: null, shifts: [], longTasks: [] };
    const buffered = (type) => {
      try {
        const observer = new PerformanceObserver(() => {});
        observer.observe({ type, buffered: true });
        const entries = observer.takeRecords();
        observer.disconnect();
        return entries;
      } catch (e) { return []; }
    };
    vitals.lcp = buffered('largest-contentful-paint').pop() || null;
    vitals.shifts = buffered('layout-shift').filter((e) => !e.hadRecentInput).map((e) => [e.startTime, e.value]);
  }
  let cls = 0;
  let windowValue = 0;
  let windowStart = 0;
  let previous = 0;
  for (const [time, value] of vitals.shifts) {
    if (windowValue > 0 && time - previous < 1000 && time - windowStart < 5000) windowValue += value;
    else { windowValue = value; windowStart = time; }
    previous = time;
    if (windowValue > cls) cls = windowValue;
  }
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const fcpTime = fcp ? fcp.startTime : 0;
  let tbt = 0;
  for (const [start, duration] of vitals.longTasks) {
    const afterFcp = start + duration - Math.max(start, fcpTime);
    if (afterFcp > 50) tbt += afterFcp - 50;
  }
  const navigation = performance.getEntriesByType('navigation')[0];
  const lcp = vitals.lcp;
  const element = lcp && lcp.element && lcp.element.isConnected ? lcp.element : null;
  return {
    ttfbMs: navigation && navigation.responseStart > 0 ? Math.round(navigation.responseStart) : null,
    lcpMs: lcp ? Math.round(lcp.startTime) : null,
    lcpElement: element ? cssPath(element) : null,
    cls: Math.round(cls * 10000) / 10000,
    tbtMs: Math.round(tbt),
  };
}`;
