import { describe, expect, it } from 'vitest';
import { getCatalog } from '../../rules/index.ts';
import { criterionChartSvg } from '../../src/report/charts/criterion-chart.ts';

describe('criterion chart SVG', () => {
  it('sizes its labels with SVG attributes, which a page whose CSP forbids inline styles still applies', () => {
    const catalog = getCatalog('losi-2024');
    const scores = Object.fromEntries(
      catalog.criteria.map((c) => [c.code, { met: 1, assessed: 2, value: 0.5 }]),
    );
    const svg = criterionChartSvg({ criteria: catalog.criteria, scores });
    expect(svg).not.toMatch(/ style="/);
    expect(svg).toMatch(/<text[^>]* font-size="12px"[^>]*>Participation and Engagement \(PE\)/);
  });
});
