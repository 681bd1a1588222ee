import { z } from 'zod';
import { FETCH_STATUSES, type FetchStatus } from '../../src/core/index.ts';

/**
 * A crawl's checkpoint: the state needed to resume it after a crash, written after every page and read
 * back from an untrusted place (a fleet job in Redis). The schema is the definition: the types below
 * are inferred from it, so what is validated and what the crawler uses cannot drift apart.
 */

const linkStep = z.object({ url: z.string(), text: z.string() });

export const frontierEntrySchema = z.object({
  /** Normalised URL. */
  url: z.string(),
  depth: z.number().int().min(0),
  linkPath: z.array(linkStep),
  priority: z.number(),
  /** LinkPrioritizer score of the link that led here (0 for the home page). */
  hintScore: z.number(),
  /** Reached from a menu, header or footer link, or a view of a script-drawn app (see TrapGuard). */
  signpost: z.boolean().optional(),
  /** Indicator codes the link hint matched (see BudgetSpread: codes already covered count less). */
  codes: z.array(z.string()).optional(),
});
export type FrontierEntry = z.infer<typeof frontierEntrySchema>;

/** Serialisable frontier state for resuming a crawl. In-flight entries are saved as pending. */
export const frontierCheckpointSchema = z.object({
  visited: z.array(z.string()),
  pending: z.array(frontierEntrySchema),
  /** Completed entries that counted against maxPages. */
  pagesCounted: z.number().int().min(0),
});
export type FrontierCheckpoint = z.infer<typeof frontierCheckpointSchema>;

/** A link that looks like indicator evidence, kept for the link checks after the crawl. */
export const evidenceLinkSchema = z.object({
  url: z.string(),
  text: z.string(),
  /** hintValue of its link hint. */
  score: z.number(),
  depth: z.number().int().min(0),
  linkPath: z.array(linkStep),
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

/** What soft 404s are compared with: the home page's text and the pages a made-up address gave. */
export const softNotFoundSourcesSchema = z.object({
  homeText: z.string().nullable(),
  missing: z.array(z.object({ url: z.string(), text: z.string() })),
});
export type SoftNotFoundSources = z.infer<typeof softNotFoundSourcesSchema>;

/** Counts per fetch status; a status this version does not know (a newer writer's) is dropped. */
const statusCounts = z.record(z.string(), z.number().int().min(0)).transform((counts) => {
  const known = new Set<string>(FETCH_STATUSES);
  return Object.fromEntries(Object.entries(counts).filter(([k]) => known.has(k))) as Partial<
    Record<FetchStatus, number>
  >;
});

export const crawlCheckpointSchema = z.object({
  version: z.literal(1),
  startedAt: z.string(),
  homeUrl: z.string(),
  finalHomeUrl: z.string().nullable(),
  spa: z.boolean(),
  /** Whether the home URL, when http://host/, redirected to https at its first hop (absent in older checkpoints). */
  homeRedirectsToHttps: z.boolean().nullable().optional(),
  statuses: statusCounts,
  portal: frontierCheckpointSchema,
  external: frontierCheckpointSchema,
  /** Portal pages picked for markup validation, in order; their HTML is refetched after a resume. */
  validationUrls: z.array(z.string()),
  message: z.string().optional(),
  /** Links that look like evidence, for the link checks after the crawl (absent in older checkpoints). */
  evidenceLinks: z.array(evidenceLinkSchema).optional(),
  /** What soft 404s are compared with (absent in older checkpoints). */
  notFound: softNotFoundSourcesSchema.optional(),
  /**
   * False while the search probe, which runs beside the first pages, is not recorded yet: a crawl
   * resumed from here probes again. Absent in older checkpoints, which were taken after it.
   */
  searchProbed: z.boolean().optional(),
});
export type CrawlCheckpoint = z.infer<typeof crawlCheckpointSchema>;
