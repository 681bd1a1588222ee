import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPortals, type StartedPortal, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import {
  checkPage,
  chromiumPath,
  javaAvailable,
  launchChromium,
  loopbackContext,
  validateWithNu,
} from './portal-checks.ts';

/** Label 208: the home page has no error in the W3C Nu HTML checker (one JVM for all portals). */
describe('fixture portals: markup label (208) against the Nu HTML checker', () => {
  const started: StartedPortal[] = [];
  let hasJava = false;
  beforeAll(async () => {
    hasJava = await javaAvailable();
    for (const portal of await listPortals()) started.push(await startPortal(portal.dir));
  });
  afterAll(() => Promise.all(started.map((p) => p.close())));

  it('home pages validate exactly when labelled valid', async (ctx) => {
    if (!hasJava) ctx.skip();
    const documents = await Promise.all(
      started.map(async (p) => ({ name: p.name, html: await (await fetch(p.home)).text() })),
    );
    // The JS-rendered portal is judged on what the browser builds, too.
    if (chromiumPath()) {
      const browser = await launchChromium();
      try {
        const { context } = await loopbackContext(browser);
        const spa = started.find((p) => p.name === 'pt-cidade-spa')!;
        const rendered = await checkPage(context, spa.home, { axe: false });
        expect(rendered.textLength).toBeGreaterThan(300);
        documents.push({ name: 'pt-cidade-spa', html: rendered.html });
      } finally {
        await browser.close();
      }
    }
    const { errors } = await validateWithNu(documents);
    for (const portal of started) {
      const own = errors.filter((e) => e.file === portal.name).map((e) => e.message);
      if (portal.truth.indicators['208']!.met) expect(own, portal.name).toEqual([]);
      else expect(own.length, portal.name).toBeGreaterThan(0);
    }
  }, 120_000);
});
