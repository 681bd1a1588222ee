/**
 * The bare loop as a whole process, for the end-to-end phase (e2e-phase.ts): plain JavaScript, so
 * node starts it as fast as any script. Launches Chromium, then in one context `concurrency`
 * workers each keep a page and go from URL to URL: `goto` + inject axe-core + `axe.run` with the
 * given tags. Nothing is kept. Prints `{"pages":N,"violations":N}`.
 *   argv[2]: JSON { executablePath, args, tags, viewport, concurrency, urls }
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const spec = JSON.parse(process.argv[2] ?? '{}');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const options = JSON.stringify({
  runOnly: { type: 'tag', values: spec.tags },
  resultTypes: ['violations', 'incomplete'],
});

const browser = await chromium.launch({
  executablePath: spec.executablePath,
  headless: true,
  args: spec.args,
});
const context = await browser.newContext({ viewport: spec.viewport });
let next = 0;
let pages = 0;
let violations = 0;
const worker = async () => {
  const page = await context.newPage();
  for (let i = next++; i < spec.urls.length; i = next++) {
    await page.goto(spec.urls[i], { waitUntil: 'load', timeout: 60_000 });
    await page.evaluate(axeSource);
    violations += await page.evaluate(
      `window.axe.run(document, ${options}).then((r) => r.violations.length)`,
    );
    pages++;
  }
  await page.close();
};
await Promise.all(Array.from({ length: Math.min(spec.concurrency, spec.urls.length) }, worker));
await browser.close();
process.stdout.write(`${JSON.stringify({ pages, violations })}\n`);
