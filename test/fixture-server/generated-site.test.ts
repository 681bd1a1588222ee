import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidencePageOf } from '../../src/eval/evidence-reach.ts';
import { generateSite, readSitePlan } from '../../src/fixture-server/generated-site.ts';
import { PORTALS_ROOT, type StartedPortal, startPortal } from '../../src/fixture-server/portal-fixture.ts';

/** The large generated portal: written at serve time, over 500 pages, its evidence at depth 3. */
describe('fixture portal en-large-council (generated)', () => {
  let portal: StartedPortal;
  const depth = new Map<string, number>();

  beforeAll(async () => {
    portal = await startPortal(`${PORTALS_ROOT}/en-large-council`);
    // Breadth-first over the served HTML: the link depth of every page from the home page.
    let level = ['/'];
    depth.set('/', 0);
    for (let d = 1; level.length > 0; d++) {
      const next: string[] = [];
      for (const path of level) {
        const res = await fetch(`${portal.origin}${path}`);
        if (!res.headers.get('content-type')?.startsWith('text/html')) continue;
        const $ = cheerio.load(await res.text());
        $('a[href^="/"]').each((_, a) => {
          const href = new URL($(a).attr('href')!, portal.origin).pathname;
          if (depth.has(href)) return;
          depth.set(href, d);
          next.push(href);
        });
      }
      level = next;
    }
  }, 120_000);
  afterAll(() => portal?.close());

  it('serves more than 500 pages, all reachable from the home page', () => {
    const pages = [...depth.keys()].filter((p) => p.endsWith('/') || p.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(500);
  });

  it('puts every single-page evidence label at depth 3', () => {
    const evidence = Object.values(portal.truth.indicators)
      .filter((l) => l.met)
      .map((l) => evidencePageOf(l.where))
      .filter((p): p is string => p !== null && p.split('/').length === 4);
    expect(evidence.length).toBeGreaterThanOrEqual(15);
    for (const page of evidence) expect(depth.get(page), page).toBe(3);
  });

  it('writes the same site from the same plan, and removes it on close', async () => {
    const plan = await readSitePlan(`${PORTALS_ROOT}/en-large-council/site-plan.json`);
    expect([...generateSite(plan)]).toEqual([...generateSite(plan)]);
    const generated = async () =>
      (await readdir(tmpdir())).filter((d) => d.startsWith('portal-en-large-council-')).length;
    const before = await generated();
    const other = await startPortal(`${PORTALS_ROOT}/en-large-council`);
    expect((await fetch(`${other.origin}/council-and-democracy/`)).status).toBe(200);
    expect(await generated()).toBe(before + 1);
    await other.close();
    expect(await generated()).toBe(before);
    expect(existsSync(`${PORTALS_ROOT}/en-large-council/site`)).toBe(false);
  });
});
