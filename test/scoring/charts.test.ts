import { describe, expect, it } from 'vitest';
import { getCatalog } from '../../rules/index.ts';

const losi2024 = getCatalog('losi-2024');

import type { CrawlEnd, IndicatorResult } from '../../src/core/index.ts';
import { buildReport } from '../../src/report/build-report.ts';
import {
  criterionChartSvg,
  criterionTableHtml,
  distributionTablesHtml,
  levelsDistributionSvg,
  totalsDistributionSvg,
} from '../../src/report/charts/index.ts';
import { renderHtmlReport } from '../../src/report/html/render-report.ts';
import { BANDS } from './catalogs.ts';

const BAR = /<path [^>]*fill="#0b5cad"/g;
const criteria = [
  { code: 'IF', name: 'Institutional <Framework>' },
  { code: 'CP', name: 'Content Provision' },
  { code: 'SP', name: 'Services Provision' },
];

function svgOnly(svg: string) {
  expect(svg.startsWith('<svg role="img"')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).not.toMatch(/<script|<style|<foreignObject|on[a-z]+=|ecmeta_/i);
}

describe('SVG charts (ECharts server-side rendering)', () => {
  it('draws one bar per assessed criterion, labelled by a title and a description with the numbers', () => {
    const svg = criterionChartSvg({
      criteria,
      scores: {
        IF: { met: 2, assessed: 3, value: 2 / 3 },
        CP: { met: 0, assessed: 4, value: 0 },
        SP: { met: 0, assessed: 0, value: null },
      },
      id: 'c1',
    });
    svgOnly(svg);
    expect(svg).toContain('aria-labelledby="c1-title c1-desc"');
    expect(svg).toContain('<title id="c1-title">Indicators met per criterion</title>');
    expect(svg).toContain(
      '<desc id="c1-desc">Institutional &lt;Framework&gt; (IF): 2 of 3 met (67 %); Content Provision (CP): 0 of 4 met (0 %)</desc>',
    );
    expect(svg.match(BAR)).toHaveLength(2);
    expect(svg).toContain('67 % (2/3)');
    expect(svg).not.toContain('Services Provision');
    expect(svg).not.toContain('<Framework>');
    expect(criterionChartSvg({ criteria, scores: {} })).toBe('');
    const table = criterionTableHtml({ criteria, scores: { IF: { met: 2, assessed: 3, value: 2 / 3 } } });
    expect(table).toContain(
      '<th scope="row">Institutional &lt;Framework&gt; (IF)</th><td>2 of 3</td><td>67 %</td>',
    );
  });

  it('shows a campaign as the distribution of totals and of levels', () => {
    const portals = [
      { total: 0.05, level: 'low' as const },
      { total: 0.3, level: 'middle' as const },
      { total: 0.35, level: 'middle' as const },
      { total: 1, level: 'very_high' as const },
      { total: null, level: null },
    ];
    const totals = totalsDistributionSvg({ portals, id: 'camp' });
    svgOnly(totals);
    expect(totals).toContain(
      '<desc id="camp-totals-desc">4 portals by total: 0–10 %: 1; 30–40 %: 2; 90–100 %: 1.</desc>',
    );
    expect(totals.match(BAR)?.length).toBeGreaterThanOrEqual(3);
    const levels = levelsDistributionSvg({ portals, id: 'camp' });
    svgOnly(levels);
    expect(levels).toContain('Very high: 1; High: 0; Middle: 2; Low: 1; Not scored: 1.');
    const tables = distributionTablesHtml({ portals });
    expect(tables.levels).toContain('<th scope="row">Middle</th><td>2</td>');
    expect(tables.totals).toContain('<th scope="row">30–40 %</th><td>2</td>');
  });
});

describe('HTML report chart', () => {
  const crawl: CrawlEnd = {
    outcome: 'ok',
    stopReason: 'frontier_exhausted',
    homeUrl: 'https://city.example/',
    finalHomeUrl: 'https://city.example/',
    pages: 1,
    statuses: { ok: 1 },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    spa: false,
  };
  const results: IndicatorResult[] = losi2024.entries.slice(0, 4).map((e, i) => ({
    ruleId: e.ruleId,
    code: e.code,
    criterion: e.criterion,
    method: e.method,
    ruleVersion: 1,
    outcome: i % 2 ? 'met' : 'not_met',
    confidence: 0.9,
    message: 'x',
    evidence: [{ pageUrl: 'https://city.example/', kind: 'link' }],
  }));

  it('replaces the CSS bars with the SVG chart and keeps the data table beside it', () => {
    const report = buildReport({
      runId: 1,
      target: { url: crawl.homeUrl, level: 'city' },
      crawl,
      catalog: losi2024,
      pages: [],
      results,
    });
    const html = renderHtmlReport(report, { criteria: losi2024.criteria, catalogNotes: [] });
    expect(html).toMatch(
      /<figure class="chart"><svg role="img" aria-labelledby="criteria-chart-title criteria-chart-desc"/,
    );
    expect(html).toContain('<caption class="meta">Indicators met per criterion</caption>');
    expect(html).not.toContain('class="bar"');
    const assessed = Object.values(report.score.criteria).filter((c) => c.assessed > 0).length;
    expect(html.match(BAR)).toHaveLength(assessed);
    expect(report.score).toMatchObject({ method: 'losi', flagged: [], levelBasis: 'absolute' });
  });

  it('scores a national catalog as OSI and says the relative value needs a cohort', () => {
    const nationalCatalog = { ...losi2024, id: 'test-osi', level: 'national' as const, thresholds: BANDS };
    const report = buildReport({
      runId: 1,
      target: { url: crawl.homeUrl, level: 'national' },
      crawl,
      catalog: nationalCatalog,
      pages: [],
      results,
    });
    expect(report.score).toMatchObject({ method: 'osi', relative: null, relativeStatus: 'cohort_of_one' });
    const html = renderHtmlReport(report, { criteria: nationalCatalog.criteria });
    expect(html).toContain('The relative value needs a cohort');
  });
});
