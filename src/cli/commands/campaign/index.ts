import type { Command } from 'commander';
import { registerCampaignFleetCommands } from './fleet.ts';
import { registerCampaignScoringCommands } from './scoring.ts';

/** `portal-audit campaign <subcommand>`: fleet commands (create, run, status, retry, list, schedule) and scoring ones (rescore, export, diff). */
export function registerCampaign(program: Command): void {
  const campaign = program.command('campaign').description('crawl campaigns over many portals');
  registerCampaignFleetCommands(campaign);
  registerCampaignScoringCommands(campaign);
}
