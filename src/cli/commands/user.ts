import type { Command } from 'commander';

/** [review] user add: registered by the issue that builds it. */
export function registerUser(_program: Command): void {}
