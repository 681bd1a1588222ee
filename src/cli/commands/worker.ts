import type { Command } from 'commander';

/** [fleet] worker: registered by the issue that builds it. */
export function registerWorker(_program: Command): void {}
