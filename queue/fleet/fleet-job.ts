import { z } from 'zod';
import type { CrawlCheckpoint } from '../../crawlers/index.ts';
import { FETCH_STATUSES, type FetchStatus } from '../../src/core/index.ts';
import { type SiteJob, siteJobSchema } from '../site-job.ts';

/**
 * What a site job carries in the fleet queue: the SiteJob (DESIGN.md), the campaign's results queue,
 * and — once the crawl has got past the home page — the checkpoint of the last page, so a worker
 * taking the job over after a crash resumes where the crawl stopped. Read back from Redis, so it is
 * validated like any other untrusted input.
 */

const frontierEntry = z.looseObject({
  url: z.string(),
  depth: z.number().int().min(0),
  linkPath: z.array(z.looseObject({ url: z.string(), text: z.string() })),
  priority: z.number(),
  hintScore: z.number(),
});

const frontierCheckpoint = z.looseObject({
  visited: z.array(z.string()),
  pending: z.array(frontierEntry),
  pagesCounted: z.number().int().min(0),
});

const statusCounts = z.record(z.string(), z.number().int().min(0)).transform((counts) => {
  const known = new Set<string>(FETCH_STATUSES);
  return Object.fromEntries(Object.entries(counts).filter(([k]) => known.has(k))) as Partial<
    Record<FetchStatus, number>
  >;
});

export const crawlCheckpointSchema = z.looseObject({
  version: z.literal(1),
  startedAt: z.string(),
  homeUrl: z.string(),
  finalHomeUrl: z.string().nullable(),
  spa: z.boolean(),
  statuses: statusCounts,
  portal: frontierCheckpoint,
  external: frontierCheckpoint,
  validationUrls: z.array(z.string()),
  message: z.string().optional(),
});

export const fleetJobSchema = siteJobSchema.extend({
  campaignId: z.number().int().positive(),
  /** Where the worker sends this job's records (see queue-names.ts). */
  resultsQueue: z.string().regex(/^results-[a-z0-9][a-z0-9-]*$/),
  checkpoint: crawlCheckpointSchema.optional(),
  /** The campaign's contact URL for the User-Agent, when it has its own. */
  contactUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export type FleetJobData = Omit<SiteJob, 'campaignId'> & {
  campaignId: number;
  resultsQueue: string;
  checkpoint?: CrawlCheckpoint;
  contactUrl?: string;
};

export function parseFleetJob(data: unknown): FleetJobData {
  return fleetJobSchema.parse(data) as FleetJobData;
}

/** The SiteJob inside (what runSiteJob validates again). */
export function siteJobOf(data: FleetJobData): SiteJob {
  const { resultsQueue: _queue, checkpoint: _checkpoint, contactUrl: _contact, ...job } = data;
  return job;
}
