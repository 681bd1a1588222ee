import { describe, expect, it } from 'vitest';
import { rescoringBench, scoringBench } from '../bench/scoring-bench.ts';

// Speed is measured by `npm run bench`; here only that the entries run and measure what they say.
describe('scoring bench entries', () => {
  it('scores a synthetic cohort of N portals × M indicators', () => {
    const result = scoringBench({ portals: 50, indicators: 95 });
    expect(result).toMatchObject({ portals: 50, indicators: 95 });
    for (const key of ['losiMs', 'osiMs', 'losiCpuMs', 'osiCpuMs', 'finalValuesMs'] as const) {
      expect(result[key]).toBeGreaterThanOrEqual(0);
    }
  });

  it('rescores a campaign built from one crawled fixture portal', async () => {
    const result = await rescoringBench({ portals: 3, maxPages: 8 });
    expect(result.portals).toBe(3);
    expect(result.pagesPerPortal).toBeGreaterThan(1);
    expect(result.rescoringMs).toBeGreaterThan(0);
  }, 120_000);
});
