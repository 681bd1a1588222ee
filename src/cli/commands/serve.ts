import type { Command } from 'commander';

/** [review] serve: registered by the issue that builds it. */
export function registerServe(_program: Command): void {}
