import type { MobileSpeedArtifact, PageCapture, PagePerformance } from '../core/index.ts';
import { finding, plural } from './finding.ts';
import type { PageSpeed, Posture, PostureFinding, PostureLevel } from './posture-schema.ts';
import { SPEED_CONDITIONS, THRESHOLDS } from './thresholds.ts';

interface Metric {
  check: 'lcp' | 'cls' | 'tbt';
  title: string;
  read: (s: PageSpeed) => number | null;
  /** Good up to the first value, poor beyond the second. */
  bounds: [number, number];
  threshold: string;
  show: (v: number) => string;
}

const METRICS: readonly Metric[] = [
  {
    check: 'lcp',
    title: 'Largest Contentful Paint',
    read: (s) => s.lcpMs,
    bounds: [THRESHOLDS.lcpGoodMs, THRESHOLDS.lcpPoorMs],
    threshold: THRESHOLDS.lcp,
    show: (ms) => `${(ms / 1000).toFixed(1)} s`,
  },
  {
    check: 'cls',
    title: 'Cumulative Layout Shift',
    read: (s) => s.cls,
    bounds: [THRESHOLDS.clsGood, THRESHOLDS.clsPoor],
    threshold: THRESHOLDS.cls,
    show: (v) => v.toFixed(2),
  },
  {
    check: 'tbt',
    title: 'Total Blocking Time',
    read: (s) => s.tbtMs,
    bounds: [THRESHOLDS.tbtGoodMs, THRESHOLDS.tbtPoorMs],
    threshold: THRESHOLDS.tbt,
    show: (ms) => `${Math.round(ms)} ms`,
  },
];

function pageSpeed(url: string, perf: PagePerformance): PageSpeed {
  const { lcpMs, lcpElement, cls, tbtMs, ttfbMs, transferBytes, requests } = perf;
  return { url, lcpMs, lcpElement, cls, tbtMs, ttfbMs, transferBytes, requests };
}

/**
 * Core Web Vitals of the rendered portal pages, judged at the 75th percentile as web.dev defines
 * them, and of the home page loaded at a phone's width, judged on that one load.
 */
export function speedPosture(
  pages: readonly PageCapture[],
  phoneLoad: MobileSpeedArtifact | undefined,
): Posture['speed'] {
  const speeds = pages.flatMap((p) =>
    p.render?.performance ? [pageSpeed(p.finalUrl, p.render.performance)] : [],
  );
  speeds.sort((a, b) => (b.lcpMs ?? -1) - (a.lcpMs ?? -1));
  const p75Of = (m: Metric) => percentile75(speeds.flatMap((s) => nonNull(m.read(s))));
  const [lcp, cls, tbt] = METRICS as [Metric, Metric, Metric];
  const phone = phoneLoad?.performance
    ? { ...pageSpeed(phoneLoad.url, phoneLoad.performance), viewportWidth: phoneLoad.viewport.width }
    : null;
  return {
    findings: [
      ...METRICS.map((m) => pagesFinding(m, p75Of(m), speeds)),
      ...METRICS.map((m) => phoneFinding(m, phoneLoad, phone)),
    ],
    p75: { lcpMs: p75Of(lcp), cls: p75Of(cls), tbtMs: p75Of(tbt) },
    pages: speeds,
    phone,
    conditions: SPEED_CONDITIONS,
  };
}

/** The nearest-rank 75th percentile, or null for no values. */
export function percentile75(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.75 * sorted.length) - 1] as number;
}

function nonNull(v: number | null): number[] {
  return v === null ? [] : [v];
}

function levelOf(m: Metric, value: number): PostureLevel {
  const [good, poor] = m.bounds;
  return value > poor ? 'fail' : value > good ? 'attention' : 'pass';
}

/** The value with, for LCP, the element that was painted. */
function shown(m: Metric, s: PageSpeed): string {
  const element = m.check === 'lcp' && s.lcpElement ? ` (largest element: ${s.lcpElement})` : '';
  return `${m.show(m.read(s) ?? 0)}${element}`;
}

function pagesFinding(m: Metric, value: number | null, speeds: readonly PageSpeed[]): PostureFinding {
  if (value === null) {
    const why = speeds.length === 0 ? 'No page was loaded in the browser.' : 'The browser reported no value.';
    return finding(m.check, m.title, 'unknown', why, m.threshold);
  }
  const good = m.bounds[0];
  const over = speeds.filter((s) => (m.read(s) ?? 0) > good);
  const worst = [...over].sort((a, b) => (m.read(b) ?? 0) - (m.read(a) ?? 0)).slice(0, 5);
  const spread =
    over.length > 0 ? `; ${plural(over.length, 'page')} of ${speeds.length} above ${m.show(good)}` : '';
  return finding(
    m.check,
    m.title,
    levelOf(m, value),
    `${m.show(value)} at the 75th percentile of ${plural(speeds.length, 'page')}${spread}.`,
    m.threshold,
    worst.map((s) => ({ url: s.url, value: shown(m, s) })),
  );
}

/** The same threshold on the one load of the home page at a phone's width. */
function phoneFinding(
  m: Metric,
  load: MobileSpeedArtifact | undefined,
  phone: PageSpeed | null,
): PostureFinding {
  const check = `phone-${m.check}`;
  const title = `${m.title} on a phone (home page, ${load?.viewport.width ?? 360} px)`;
  if (!phone) {
    const why = !load
      ? "The home page was not loaded at a phone's width (no browser ran, or the capture is older)."
      : `The home page's load at a phone's width was not measured (${load.error ?? load.status}).`;
    return finding(check, title, 'unknown', why, m.threshold);
  }
  const value = m.read(phone);
  if (value === null) return finding(check, title, 'unknown', 'The browser reported no value.', m.threshold);
  return finding(check, title, levelOf(m, value), `${m.show(value)} on one load.`, m.threshold, [
    { url: phone.url, value: shown(m, phone) },
  ]);
}
