import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { esc } from '../html/escape.ts';

echarts.use([BarChart, GridComponent, SVGRenderer]);

export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];

export interface SvgChartOptions {
  width: number;
  height: number;
  /** Short name of the chart (the SVG <title>). */
  title: string;
  /** What the chart shows, in words (the SVG <desc>): the numbers a screen reader user needs. */
  description: string;
  /** Prefix for the title/desc element ids; must be unique within the page. */
  id: string;
}

export const CHART_COLORS = {
  ink: '#1b1f23',
  muted: '#4a5560',
  line: '#d0d7de',
  bar: '#0b5cad',
  levels: { very_high: '#146c2e', high: '#0b5cad', middle: '#7a4a00', low: '#a4161a', none: '#4a5560' },
} as const;

/**
 * Renders an ECharts option to a standalone SVG string on the server (no DOM, no script), then makes it
 * accessible: role="img" labelled by a <title> and described by a <desc>. Pages showing it should keep a
 * data table beside it.
 */
export function renderSvgChart(option: ChartOption, opts: SvgChartOptions): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: opts.width,
    height: opts.height,
  });
  try {
    chart.setOption({ animation: false, aria: { enabled: false }, ...option });
    return accessibleSvg(chart.renderToSVGString(), opts);
  } finally {
    chart.dispose();
  }
}

export function accessibleSvg(
  svg: string,
  opts: Pick<SvgChartOptions, 'title' | 'description' | 'id'>,
): string {
  const id = opts.id.replace(/[^A-Za-z0-9_-]/g, '-');
  const open = svg.indexOf('<svg');
  const end = svg.indexOf('>', open);
  if (open === -1 || end === -1)
    throw new Error('renderSvgChart: the chart library returned no <svg> element');
  const tag = svg
    .slice(open, end)
    .replace(/^<svg/, `<svg role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false"`);
  const label = `<title id="${id}-title">${esc(opts.title)}</title><desc id="${id}-desc">${esc(opts.description)}</desc>`;
  // The library's hover styles (a <style> block) mean nothing in a static picture.
  // Its bookkeeping attributes (ecmeta_*) are not SVG either.
  const body = svg
    .slice(end + 1)
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ style="([^"]*)"/g, (_, style: string) => presentationAttributes(style));
  return `${tag}>${label}${body}`;
}

const PRESENTATION = new Set([
  'font-size',
  'font-family',
  'font-weight',
  'font-style',
  'fill',
  'stroke',
  'opacity',
]);

/**
 * `style="font-size:12px;…"` as SVG attributes (font-size="12px"): a page whose CSP forbids inline
 * styles (the review app) ignores style attributes, and its own font size would overflow the labels.
 */
function presentationAttributes(style: string): string {
  return style
    .split(';')
    .map((decl) => decl.split(':').map((part) => part.trim()))
    .filter(([name, value]) => name && value && PRESENTATION.has(name) && !/["<>]/.test(value))
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
}
