import type { Command } from 'commander';

/** [catalog] eval: registered by the issue that builds it. */
export function registerEval(_program: Command): void {}
