import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { AxeFinding, AxeSummary } from '../../src/core/index.ts';
import { AXE_RUN, evaluateScript } from './in-page.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;
/** axe-core's minified build: the code of `axe.source`, in less than half the bytes to send and parse. */
export const AXE_SOURCE: string = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
/**
 * The context's init script: axe in every document (frames included, so axe can audit them) but a
 * top-level about:blank, which is what a new page shows before its first render.
 */
export const AXE_INIT_SCRIPT = `if (!(window === window.top && location.href === 'about:blank')) {\n${AXE_SOURCE}\n}`;
export const AXE_VERSION: string = axe.version;
const MAX_NODES = 10;
const MAX_HTML = 500;

interface PageAxeResult {
  version: string;
  violations: AxeFinding[];
  incomplete: AxeFinding[];
  passes: number;
  inapplicable: number;
}

/**
 * Runs axe-core (WCAG 2.2 AA tags) in the page. The context's init script normally put axe there
 * already; a page without it (one that overwrote `window.axe`, or an init script that did not run)
 * gets it injected now.
 */
export async function runAxe(page: Page): Promise<AxeSummary> {
  const args = { tags: AXE_TAGS, maxNodes: MAX_NODES, maxHtml: MAX_HTML };
  let result = await evaluateScript<PageAxeResult | null>(page, AXE_RUN, args);
  if (!result) {
    await page.evaluate(AXE_SOURCE);
    result = await evaluateScript<PageAxeResult | null>(page, AXE_RUN, args);
  }
  if (!result) throw new Error('axe-core could not be loaded into the page');
  return {
    engine: 'axe-core',
    engineVersion: result.version || AXE_VERSION,
    tags: [...AXE_TAGS],
    violations: result.violations,
    incomplete: result.incomplete,
    passes: result.passes,
    inapplicable: result.inapplicable,
  };
}
