import { z } from 'zod';
import type { StoredCampaign } from '../../db/index.ts';
import { isCampaignKey } from '../../queue/fleet/queue-names.ts';
import { DEFAULT_RETRY_POLICY } from '../../queue/fleet/retry-policy.ts';
import { allowPrivateSchema } from '../../queue/site-job.ts';
import { DEFAULT_BUDGET, RENDER_MODES, UserError } from '../core/index.ts';

/**
 * What a campaign was created with, kept in `campaigns.options` (JSON): every round crawls its
 * targets with these. Read back through zod: the column is free-form and older rows may lack keys.
 */
export const campaignOptionsSchema = z.looseObject({
  /** Names the campaign's queues in Redis (queue/fleet/queue-names.ts). */
  queueKey: z.string().refine(isCampaignKey, 'not a campaign queue key'),
  /** No --catalog was given: each target is judged by its level's catalog. */
  catalogByLevel: z.boolean().default(false),
  budget: z
    .strictObject({
      maxPages: z.number().int().positive(),
      maxDepth: z.number().int().min(0),
      maxSeconds: z.number().min(0),
    })
    .default(DEFAULT_BUDGET),
  render: z.enum(RENDER_MODES).default('auto'),
  allowPrivate: allowPrivateSchema.default(false),
  validateMarkup: z.boolean().default(true),
  retry: z
    .strictObject({ attempts: z.number().int().min(1).max(20), backoffMs: z.number().int().min(0) })
    .default(DEFAULT_RETRY_POLICY),
  contactUrl: z.string().optional(),
});

export type CampaignOptions = z.infer<typeof campaignOptionsSchema>;

export function campaignOptionsOf(campaign: StoredCampaign): CampaignOptions {
  const parsed = campaignOptionsSchema.safeParse(campaign.options);
  if (!parsed.success) {
    throw new UserError(
      `Campaign "${campaign.name}" has options this version cannot read: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}
