import { z } from 'zod';
import { LEVELS, RENDER_MODES } from '../src/core/index.ts';

/** Private addresses a crawl may reach: none, all, or the listed `host[:port]` entries. */
export const allowPrivateSchema = z.union([z.boolean(), z.array(z.string().min(1))]);

/**
 * The site job payload (DESIGN.md), validated at every boundary. `runId` is created by the recorder's side
 * before the job is queued, because workers never write the store.
 */
export const siteJobSchema = z.strictObject({
  campaignId: z.number().int().positive().nullable(),
  targetId: z.number().int().positive(),
  runId: z.number().int().positive(),
  url: z.url({ protocol: /^https?$/ }),
  level: z.enum(LEVELS),
  catalog: z.string().min(1),
  budget: z.strictObject({
    maxPages: z.number().int().positive(),
    maxDepth: z.number().int().min(0),
    maxSeconds: z.number().min(0),
  }),
  render: z.enum(RENDER_MODES),
  allowPrivate: allowPrivateSchema.default(false),
  /** Run the W3C Nu checker over a sample of pages (when the process has one). Absent = yes. */
  validateMarkup: z.boolean().optional(),
});

export type SiteJob = z.infer<typeof siteJobSchema>;

export function parseSiteJob(data: unknown): SiteJob {
  return siteJobSchema.parse(data);
}
