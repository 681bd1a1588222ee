import { describe, expect, it } from 'vitest';
import type { CrawlCheckpoint } from '../../crawlers/index.ts';
import { parseFleetJob } from '../../queue/fleet/fleet-job.ts';

const checkpoint: CrawlCheckpoint = {
  version: 1,
  startedAt: '2026-12-07T10:00:00.000Z',
  homeUrl: 'https://city.example/',
  finalHomeUrl: 'https://city.example/',
  spa: false,
  homeRedirectsToHttps: true,
  statuses: { ok: 3, http_4xx: 1 },
  portal: {
    visited: ['https://city.example/'],
    pending: [
      {
        url: 'https://city.example/pay',
        depth: 1,
        linkPath: [{ url: 'https://city.example/pay', text: 'Pay' }],
        priority: 2,
        hintScore: 2,
        codes: ['269a'],
      },
    ],
    pagesCounted: 3,
  },
  external: { visited: [], pending: [], pagesCounted: 0 },
  validationUrls: ['https://city.example/'],
  evidenceLinks: [{ url: 'https://pay.example/', text: 'Pay online', score: 2, depth: 1, linkPath: [] }],
  notFound: { homeText: 'Welcome', missing: [{ url: 'https://city.example/zz', text: 'Not found' }] },
  searchProbed: false,
};

const job = {
  campaignId: 1,
  targetId: 2,
  runId: 3,
  url: 'https://city.example/',
  level: 'city',
  catalog: 'losi-2024',
  budget: { maxPages: 10, maxDepth: 3, maxSeconds: 0 },
  render: 'auto',
  resultsQueue: 'results-survey',
};

describe('a fleet job read back from Redis', () => {
  it('keeps every field of the checkpoint the crawler resumes from', () => {
    const parsed = parseFleetJob(JSON.parse(JSON.stringify({ ...job, checkpoint })));
    expect(parsed.checkpoint).toEqual(checkpoint);
  });

  it('drops fetch statuses this version does not know, and refuses a malformed checkpoint', () => {
    const newer = { ...checkpoint, statuses: { ok: 3, teleported: 1 } };
    expect(parseFleetJob({ ...job, checkpoint: newer }).checkpoint?.statuses).toEqual({ ok: 3 });
    const broken = { ...checkpoint, evidenceLinks: [{ url: 'https://pay.example/' }] };
    expect(() => parseFleetJob({ ...job, checkpoint: broken })).toThrow(/evidenceLinks/);
  });
});
