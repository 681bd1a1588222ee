import type { PageCapture } from '../core/index.ts';
import { finding, plural } from './finding.ts';
import type { PageSpeed, Posture, PostureFinding, PostureLevel } from './posture-schema.ts';
import { SPEED_CONDITIONS, THRESHOLDS } from './thresholds.ts';

/** Core Web Vitals of the rendered portal pages, judged at the 75th percentile as web.dev defines them. */
export function speedPosture(pages: readonly PageCapture[]): Posture['speed'] {
  const speeds = pages.flatMap((p) => {
    const perf = p.render?.performance;
    if (!perf) return [];
    const { lcpMs, lcpElement, cls, tbtMs, ttfbMs, transferBytes, requests } = perf;
    return [{ url: p.finalUrl, lcpMs, lcpElement, cls, tbtMs, ttfbMs, transferBytes, requests }];
  });
  speeds.sort((a, b) => (b.lcpMs ?? -1) - (a.lcpMs ?? -1));
  const p75 = {
    lcpMs: percentile75(speeds.flatMap((s) => (s.lcpMs === null ? [] : [s.lcpMs]))),
    cls: percentile75(speeds.map((s) => s.cls)),
    tbtMs: percentile75(speeds.map((s) => s.tbtMs)),
  };
  const findings = [
    metricFinding(
      'lcp',
      'Largest Contentful Paint',
      p75.lcpMs,
      [THRESHOLDS.lcpGoodMs, THRESHOLDS.lcpPoorMs],
      THRESHOLDS.lcp,
      speeds,
      (s) => s.lcpMs,
      seconds,
    ),
    metricFinding(
      'cls',
      'Cumulative Layout Shift',
      p75.cls,
      [THRESHOLDS.clsGood, THRESHOLDS.clsPoor],
      THRESHOLDS.cls,
      speeds,
      (s) => s.cls,
      (v) => v.toFixed(2),
    ),
    metricFinding(
      'tbt',
      'Total Blocking Time',
      p75.tbtMs,
      [THRESHOLDS.tbtGoodMs, THRESHOLDS.tbtPoorMs],
      THRESHOLDS.tbt,
      speeds,
      (s) => s.tbtMs,
      (v) => `${Math.round(v)} ms`,
    ),
  ];
  return { findings, p75, pages: speeds, conditions: SPEED_CONDITIONS };
}

/** The nearest-rank 75th percentile, or null for no values. */
export function percentile75(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.75 * sorted.length) - 1] as number;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function metricFinding(
  check: string,
  title: string,
  value: number | null,
  [good, poor]: [number, number],
  threshold: string,
  speeds: readonly PageSpeed[],
  read: (s: PageSpeed) => number | null,
  show: (v: number) => string,
): PostureFinding {
  if (value === null) {
    const why = speeds.length === 0 ? 'No page was loaded in the browser.' : 'The browser reported no value.';
    return finding(check, title, 'unknown', why, threshold);
  }
  const level: PostureLevel = value > poor ? 'fail' : value > good ? 'attention' : 'pass';
  const over = speeds.filter((s) => (read(s) ?? 0) > good);
  const worst = [...over].sort((a, b) => (read(b) ?? 0) - (read(a) ?? 0)).slice(0, 5);
  const evidence = worst.map((s) => ({
    url: s.url,
    value: `${show(read(s) ?? 0)}${check === 'lcp' && s.lcpElement ? ` (largest element: ${s.lcpElement})` : ''}`,
  }));
  const spread =
    over.length > 0 ? `; ${plural(over.length, 'page')} of ${speeds.length} above ${show(good)}` : '';
  return finding(
    check,
    title,
    level,
    `${show(value)} at the 75th percentile of ${plural(speeds.length, 'page')}${spread}.`,
    threshold,
    evidence,
  );
}
