import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../../crawlers/browser/browser-pool.ts';
import { BrowserRenderer } from '../../../crawlers/browser/browser-renderer.ts';
import { procAvailable } from '../../../crawlers/browser/process-tree.ts';
import { ANY_PRIVATE } from '../../helpers/network.ts';
import { fixtureRoutes } from './fixture-pages.ts';
import { type PageServer, startPageServer } from './page-server.ts';

const QUICK = {
  userAgent: 'portal-audit-test',
  network: ANY_PRIVATE,
  axe: false,
  screenshot: false,
  mobile: false,
};

let server: PageServer;

beforeAll(async () => {
  server = await startPageServer(fixtureRoutes());
});

afterAll(async () => {
  await server?.close();
});

describe('browser pool', () => {
  it('retires the browser after retireAfterPages and keeps rendering', async () => {
    const renderer = new BrowserRenderer({ retireAfterPages: 3, concurrency: 2, blockNonLoopback: true });
    try {
      const pages = await Promise.all(
        Array.from({ length: 7 }, (_, i) =>
          renderer.render(server.url(i % 2 ? '/clean.html' : '/responsive.html'), QUICK),
        ),
      );
      expect(pages.map((p) => p.status)).toEqual(Array(7).fill('ok'));
      expect(pages.every((p) => p.visibleText.length > 0)).toBe(true);
      expect(renderer.launches).toBe(3);
    } finally {
      await renderer.close();
    }
  });

  it.skipIf(!procAvailable())(
    'retires a browser whose processes hold more than retireAboveMb, read every 10 pages',
    async () => {
      const pages = (renderer: BrowserRenderer) =>
        Promise.all(Array.from({ length: 20 }, () => renderer.render(server.url('/clean.html'), QUICK)));
      // No Chromium holds less than 1 MB: retired at the 10th page and at the 20th.
      const small = new BrowserRenderer({ retireAboveMb: 1, concurrency: 2, blockNonLoopback: true });
      const roomy = new BrowserRenderer({ retireAboveMb: 100_000, concurrency: 2, blockNonLoopback: true });
      try {
        expect((await pages(small)).every((p) => p.status === 'ok')).toBe(true);
        expect((await pages(roomy)).every((p) => p.status === 'ok')).toBe(true);
        expect(small.launches).toBeGreaterThanOrEqual(2);
        expect(roomy.launches).toBe(1);
      } finally {
        await small.close();
        await roomy.close();
      }
    },
    120_000,
  );

  it('starts the next browser only after the retired one has finished its pages and closed', async () => {
    const pool = new BrowserPool({ concurrency: 2, retireAfterPages: 2 });
    const inUse = new Map<Browser, number>();
    const overlaps: string[] = [];
    try {
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          pool.withPage({ key: 'site' }, async (page) => {
            const browser = page.context().browser()!;
            for (const [other, n] of inUse) {
              if (other !== browser && (n > 0 || other.isConnected())) overlaps.push(`page ${i}`);
            }
            inUse.set(browser, (inUse.get(browser) ?? 0) + 1);
            await page.goto(server.url(i % 2 ? '/clean.html' : '/responsive.html'));
            await new Promise((r) => setTimeout(r, i % 2 ? 1500 : 100));
            inUse.set(browser, (inUse.get(browser) ?? 1) - 1);
          }),
        ),
      );
      expect(pool.launches).toBe(3);
      expect(overlaps).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('relaunches after the browser disconnects, and close() is idempotent', async () => {
    const pool = new BrowserPool({ concurrency: 1 });
    try {
      const spec = { key: 'site' };
      const first = await pool.withPage(spec, async (page) => {
        await page.goto(server.url('/clean.html'));
        return page.title();
      });
      expect(first).toBe('Clean page');
      await pool.withPage(spec, async (page) => {
        await page.context().browser()?.close();
      });
      const again = await pool.withPage(spec, async (page) => {
        await page.goto(server.url('/wide.html'));
        return page.title();
      });
      expect(again).toBe('Wide page');
      expect(pool.launches).toBe(2);
    } finally {
      await pool.close();
      await pool.close();
    }
    await expect(pool.withPage({ key: 'x' }, async () => 1)).rejects.toThrow(/closed/);
  });

  it('shares one context per key and bounds pages in flight', async () => {
    const pool = new BrowserPool({ concurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    try {
      const contexts = await Promise.all(
        Array.from({ length: 6 }, () =>
          pool.withPage({ key: 'one-site' }, async (page, context) => {
            inFlight++;
            peak = Math.max(peak, inFlight);
            await page.goto(server.url('/clean.html'));
            inFlight--;
            return context;
          }),
        ),
      );
      expect(new Set(contexts).size).toBe(1);
      expect(peak).toBe(2);
      expect(pool.launches).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
