import type { LevelThreshold } from '../../core/index.ts';
import {
  type HistogramBin,
  LEVEL_LABELS,
  LEVEL_ORDER,
  levelCounts,
  totalsHistogram,
} from '../../scoring/distribution.ts';
import { esc } from '../html/escape.ts';
import { CHART_COLORS, renderSvgChart } from './svg-chart.ts';

type LevelOrNone = LevelThreshold['level'] | 'none';

export interface DistributionInput {
  /** One entry per portal: its total (0..1) and level, null when nothing was assessed. */
  portals: readonly { total: number | null; level: LevelThreshold['level'] | null }[];
  /** Prefix for element ids, unique within the page. @default 'campaign' */
  id?: string;
  width?: number;
}

/** Column chart of portals per band of total (0–10 %, 10–20 %, …). */
export function totalsDistributionSvg(input: DistributionInput): string {
  const bins = totalsHistogram(input.portals.map((p) => p.total));
  const scored = bins.reduce((n, b) => n + b.count, 0);
  return renderSvgChart(
    {
      grid: { left: 56, right: 16, top: 28, bottom: 56 },
      xAxis: {
        type: 'category',
        data: bins.map(binLabel),
        axisLabel: { color: CHART_COLORS.muted, interval: 0, rotate: 30 },
        axisTick: { alignWithLabel: true },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: CHART_COLORS.muted },
        splitLine: { lineStyle: { color: CHART_COLORS.line } },
      },
      series: [
        {
          type: 'bar',
          silent: true,
          itemStyle: { color: CHART_COLORS.bar },
          label: { show: true, position: 'top', color: CHART_COLORS.ink, formatter: hideZero },
          data: bins.map((b) => b.count),
        },
      ],
    },
    {
      width: input.width ?? 640,
      height: 280,
      id: `${input.id ?? 'campaign'}-totals`,
      title: 'Distribution of totals',
      description: `${scored} portals by total: ${
        bins
          .filter((b) => b.count > 0)
          .map((b) => `${binLabel(b)}: ${b.count}`)
          .join('; ') || 'none scored'
      }.`,
    },
  );
}

/** Column chart of portals per level (very high … low, and "not scored"). */
export function levelsDistributionSvg(input: DistributionInput): string {
  const counts = levelCounts(input.portals.map((p) => p.level));
  const keys: LevelOrNone[] = [...LEVEL_ORDER, ...(counts.none > 0 ? (['none'] as const) : [])];
  return renderSvgChart(
    {
      grid: { left: 48, right: 16, top: 28, bottom: 30 },
      xAxis: {
        type: 'category',
        data: keys.map(levelLabel),
        axisLabel: { color: CHART_COLORS.ink, interval: 0 },
        axisTick: { alignWithLabel: true },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: CHART_COLORS.muted },
        splitLine: { lineStyle: { color: CHART_COLORS.line } },
      },
      series: [
        {
          type: 'bar',
          silent: true,
          label: { show: true, position: 'top', color: CHART_COLORS.ink, formatter: hideZero },
          data: keys.map((k) => ({ value: counts[k], itemStyle: { color: CHART_COLORS.levels[k] } })),
        },
      ],
    },
    {
      width: input.width ?? 480,
      height: 260,
      id: `${input.id ?? 'campaign'}-levels`,
      title: 'Portals per level',
      description: `${keys.map((k) => `${levelLabel(k)}: ${counts[k]}`).join('; ')}.`,
    },
  );
}

/** The data tables that stay beside the two distribution charts. */
export function distributionTablesHtml(input: DistributionInput): { totals: string; levels: string } {
  const bins = totalsHistogram(input.portals.map((p) => p.total));
  const counts = levelCounts(input.portals.map((p) => p.level));
  const keys: LevelOrNone[] = [...LEVEL_ORDER, 'none'];
  return {
    totals: `<table><caption>Distribution of totals</caption><thead><tr><th scope="col">Total</th><th scope="col">Portals</th></tr></thead><tbody>${bins
      .map((b) => `<tr><th scope="row">${esc(binLabel(b))}</th><td>${b.count}</td></tr>`)
      .join('')}</tbody></table>`,
    levels: `<table><caption>Portals per level</caption><thead><tr><th scope="col">Level</th><th scope="col">Portals</th></tr></thead><tbody>${keys
      .map((k) => `<tr><th scope="row">${esc(levelLabel(k))}</th><td>${counts[k]}</td></tr>`)
      .join('')}</tbody></table>`,
  };
}

function binLabel(b: HistogramBin): string {
  return `${Math.round(b.from * 100)}–${Math.round(b.to * 100)} %`;
}

function levelLabel(k: LevelOrNone): string {
  return k === 'none' ? 'Not scored' : LEVEL_LABELS[k];
}

function hideZero(p: { value: unknown }): string {
  const v = typeof p.value === 'number' ? p.value : (p.value as { value?: number } | null)?.value;
  return v ? String(v) : '';
}
