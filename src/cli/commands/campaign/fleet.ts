import type { Command } from 'commander';

/** [fleet] campaign create | run | status | retry | list | schedule. */
export function registerCampaignFleetCommands(_campaign: Command): void {}
