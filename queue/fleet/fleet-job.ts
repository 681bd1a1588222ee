import { z } from 'zod';
import { crawlCheckpointSchema } from '../../crawlers/index.ts';
import { type SiteJob, siteJobSchema } from '../site-job.ts';

/**
 * What a site job carries in the fleet queue: the SiteJob (DESIGN.md), the campaign's results queue,
 * and — once the crawl has got past the home page — the checkpoint of the last page, so a worker
 * taking the job over after a crash resumes where the crawl stopped. Read back from Redis, so it is
 * validated like any other untrusted input.
 */

export const fleetJobSchema = siteJobSchema.extend({
  campaignId: z.number().int().positive(),
  /** Where the worker sends this job's records (see queue-names.ts). */
  resultsQueue: z.string().regex(/^results-[a-z0-9][a-z0-9-]*$/),
  checkpoint: crawlCheckpointSchema.optional(),
  /** The campaign's contact URL for the User-Agent, when it has its own. */
  contactUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export type FleetJobData = z.infer<typeof fleetJobSchema>;

export function parseFleetJob(data: unknown): FleetJobData {
  return fleetJobSchema.parse(data);
}

/** The SiteJob inside (what runSiteJob validates again). */
export function siteJobOf(data: FleetJobData): SiteJob {
  const { resultsQueue: _queue, checkpoint: _checkpoint, contactUrl: _contact, ...job } = data;
  return job;
}
