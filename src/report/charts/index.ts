/** SVG charts rendered on the server (ECharts SSR): for the HTML report and the review app. */
export {
  type DistributionInput,
  distributionTablesHtml,
  levelsDistributionSvg,
  totalsDistributionSvg,
} from './campaign-charts.ts';
export { type CriterionChartInput, criterionChartSvg, criterionTableHtml } from './criterion-chart.ts';
export { accessibleSvg, renderSvgChart, type SvgChartOptions } from './svg-chart.ts';
