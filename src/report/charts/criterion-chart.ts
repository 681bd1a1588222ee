import type { Criterion } from '../../core/index.ts';
import type { CriterionScore } from '../../scoring/losi-score.ts';
import { esc, percent } from '../html/escape.ts';
import { CHART_COLORS, renderSvgChart } from './svg-chart.ts';

export interface CriterionChartInput {
  criteria: readonly Pick<Criterion, 'code' | 'name'>[];
  /** A score's per-criterion tallies (SiteScore.criteria). */
  scores: Readonly<Record<string, CriterionScore>>;
  /** Unique within the page. @default 'criteria-chart' */
  id?: string;
  title?: string;
  width?: number;
}

interface Row {
  label: string;
  score: CriterionScore;
}

/** Criteria with something assessed, in catalog order. */
function assessedRows(input: CriterionChartInput): Row[] {
  return input.criteria.flatMap((c) => {
    const score = input.scores[c.code];
    return score && score.assessed > 0 ? [{ label: `${c.name} (${c.code})`, score }] : [];
  });
}

/**
 * Horizontal bars: share of indicators met per criterion (or OSI module), labelled "met of assessed".
 * Returns '' when no criterion was assessed (there is nothing to draw).
 */
export function criterionChartSvg(input: CriterionChartInput): string {
  const rows = assessedRows(input);
  if (rows.length === 0) return '';
  const width = input.width ?? 640;
  const height = 48 + rows.length * 34;
  // ECharts draws the first category at the bottom: reverse to keep catalog order top-down.
  const ordered = [...rows].reverse();
  return renderSvgChart(
    {
      grid: { left: 230, right: 110, top: 12, bottom: 30 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { formatter: '{value} %', color: CHART_COLORS.muted },
        splitLine: { lineStyle: { color: CHART_COLORS.line } },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.label),
        axisLabel: { color: CHART_COLORS.ink, width: 220, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          silent: true,
          barMaxWidth: 22,
          itemStyle: { color: CHART_COLORS.bar },
          label: {
            show: true,
            position: 'right',
            color: CHART_COLORS.ink,
            formatter: (p: { dataIndex: number }) => barLabel(ordered[p.dataIndex]?.score),
          },
          data: ordered.map((r) => round1((r.score.value ?? 0) * 100)),
        },
      ],
    },
    {
      width,
      height,
      id: input.id ?? 'criteria-chart',
      title: input.title ?? 'Indicators met per criterion',
      description: rows.map((r) => `${r.label}: ${describe(r.score)}`).join('; '),
    },
  );
}

/** The data table that stays beside the chart (for the review app; the HTML report has its own). */
export function criterionTableHtml(input: CriterionChartInput): string {
  const body = assessedRows(input)
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.label)}</th><td>${r.score.met} of ${r.score.assessed}</td><td>${percent(r.score.value)}</td></tr>`,
    )
    .join('');
  return `<table><caption>${esc(input.title ?? 'Indicators met per criterion')}</caption><thead><tr><th scope="col">Criterion</th><th scope="col">Met</th><th scope="col">Share</th></tr></thead><tbody>${body}</tbody></table>`;
}

function barLabel(score: CriterionScore | undefined): string {
  if (!score) return '';
  return `${percent(score.value)} (${formatCount(score.met)}/${score.assessed})`;
}

function describe(score: CriterionScore): string {
  return `${formatCount(score.met)} of ${score.assessed} met (${percent(score.value)})`;
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
