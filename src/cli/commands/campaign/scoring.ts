import type { Command } from 'commander';

/** [scoring] campaign rescore | export | diff. */
export function registerCampaignScoringCommands(_campaign: Command): void {}
