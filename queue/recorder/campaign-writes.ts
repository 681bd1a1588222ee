import { repositories, type Store } from '../../db/index.ts';
import type { Target } from '../../src/core/index.ts';

export interface NewCampaign {
  name: string;
  catalogId: string;
  options: Record<string, unknown>;
  targets: Target[];
}

/**
 * Campaign writes on the recorder's side (the only writer of the store): a campaign and its
 * targets are created together, in one transaction, or not at all.
 */
export class CampaignWriter {
  constructor(private readonly store: Store) {
    if (store.readonly) throw new Error('The campaign writer needs a writable evidence store');
  }

  create(input: NewCampaign): { campaignId: number; targets: number } {
    const repos = repositories(this.store);
    return this.store.transaction(() => {
      const campaignId = repos.campaigns.create({
        name: input.name,
        catalogId: input.catalogId,
        options: input.options,
      });
      for (const target of input.targets) repos.targets.createForCampaign(campaignId, target);
      return { campaignId, targets: input.targets.length };
    });
  }
}
