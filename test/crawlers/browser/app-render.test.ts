import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserRenderer } from '../../../crawlers/browser/browser-renderer.ts';
import { findChromium } from '../../../crawlers/browser/find-chromium.ts';
import { ViewDiscovery } from '../../../crawlers/browser/view-discovery.ts';
import type { RenderOptions } from '../../../crawlers/contracts.ts';
import { ANY_PRIVATE } from '../../helpers/network.ts';
import { appRoutes } from './app-pages.ts';
import { type PageServer, startPageServer } from './page-server.ts';

/** Consent dialogs closed with autoconsent, and views of script-drawn pages, in real Chromium. */
const chromium = findChromium();
const OPTIONS: RenderOptions = { userAgent: 'portal-audit-test', network: ANY_PRIVATE, timeoutMs: 25_000 };

describe.skipIf(!chromium)('rendering with a consent dialog', () => {
  let server: PageServer;
  let renderer: BrowserRenderer;
  let bare: BrowserRenderer;

  beforeAll(async () => {
    server = await startPageServer(appRoutes());
    renderer = new BrowserRenderer({ executablePath: chromium!, blockNonLoopback: true });
    bare = new BrowserRenderer({ executablePath: chromium!, blockNonLoopback: true, consent: null });
  });
  afterAll(async () => {
    await renderer?.close();
    await bare?.close();
    await server?.close();
  });

  it('rejects optional cookies through the platform dialog before text, screenshot and axe', async () => {
    const page = await renderer.render(server.url('/consent.html'), OPTIONS);
    expect(page.status).toBe('ok');
    expect(page.render.consent).toEqual({
      cmp: 'civic-cookie-control',
      action: 'rejected',
      handler: expect.stringMatching(/^autoconsent \d+\./),
    });
    expect(page.visibleText).not.toContain('We use cookies');
    // The dialog's image without alt text is gone with the dialog.
    expect(page.render.axe?.violations.map((v) => v.ruleId)).not.toContain('image-alt');
  });

  it('leaves the dialog where no handler runs (axe then audits it)', async () => {
    const page = await bare.render(server.url('/consent.html'), OPTIONS);
    expect(page.render.consent).toBeUndefined();
    expect(page.visibleText).toContain('We use cookies');
    expect(page.render.axe?.violations.map((v) => v.ruleId)).toContain('image-alt');
  });

  it('records nothing on a page that only links to its cookie policy', async () => {
    const page = await renderer.render(server.url('/cookie-footer.html'), OPTIONS);
    expect(page.status).toBe('ok');
    expect(page.render.consent).toBeUndefined();
  });

  it("does not search a host again once the library found no dialog on one of its pages (the crawl's memo)", async () => {
    // Browser contexts of their own (by user agent): the earlier tests' answer to the dialog is not kept.
    const memo = { hostsWithoutDialog: new Set<string>() };
    const memoOptions = { ...OPTIONS, userAgent: 'portal-audit-test-memo', consent: memo };
    const plain = await renderer.render(server.url('/cookie-footer.html'), memoOptions);
    expect(plain.render.consent).toBeUndefined();
    expect([...memo.hostsWithoutDialog]).toEqual([new URL(server.origin).host]);
    // The same host's dialog is then left open: the memo says the host has none.
    const later = await renderer.render(server.url('/consent.html'), memoOptions);
    expect(later.render.consent).toBeUndefined();
    expect(later.visibleText).toContain('We use cookies');
    // Another crawl (a memo of its own) closes it.
    const fresh = { hostsWithoutDialog: new Set<string>() };
    const other = await renderer.render(server.url('/consent.html'), {
      ...OPTIONS,
      userAgent: 'portal-audit-test-fresh',
      consent: fresh,
    });
    expect(other.render.consent?.action).toBe('rejected');
    expect(fresh.hostsWithoutDialog.size).toBe(0);
  });
});

describe.skipIf(!chromium)('views of a script-drawn page', () => {
  let server: PageServer;
  let renderer: BrowserRenderer;

  beforeAll(async () => {
    server = await startPageServer(appRoutes());
    renderer = new BrowserRenderer({ executablePath: chromium!, blockNonLoopback: true, consent: null });
  });
  afterAll(async () => {
    await renderer?.close();
    await server?.close();
  });

  it('waits for the DOM to settle and finds the views that are not links', async () => {
    const page = await renderer.render(server.url('/app.html'), {
      ...OPTIONS,
      views: new ViewDiscovery(),
    });
    expect(page.status).toBe('ok');
    // Drawn 150 ms after load: read only because the DOM was left to settle.
    expect(page.visibleText).toContain('Welcome');
    const views = page.views ?? [];
    expect(views).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          url: server.url('/app.html?view=rates'),
          text: 'Council tax',
          via: 'click',
        }),
        expect.objectContaining({ url: server.url('/app.html?view=bins'), text: 'Bins', via: 'click' }),
        expect.objectContaining({
          url: server.url('/app.html?view=jobs'),
          text: 'Jobs',
          via: 'url-attribute',
        }),
        expect.objectContaining({ url: server.url('/app.html#/contact'), text: 'Contact', via: 'hash' }),
      ]),
    );
    // The real link is in the page's links, not among the views.
    expect(views.map((v) => v.text)).not.toContain('Home');
  });

  it('clicks a menu item once per site', async () => {
    const memo = new ViewDiscovery();
    await renderer.render(server.url('/app.html'), { ...OPTIONS, views: memo });
    const again = await renderer.render(server.url('/app.html?view=bins'), { ...OPTIONS, views: memo });
    expect((again.views ?? []).filter((v) => v.via === 'click')).toEqual([]);
  });

  it('ends on a page that pushes routes for ever, with a bounded list', async () => {
    const started = performance.now();
    const page = await renderer.render(server.url('/route-loop.html'), {
      ...OPTIONS,
      views: new ViewDiscovery(),
    });
    expect(page.status).toBe('ok');
    expect(performance.now() - started).toBeLessThan(20_000);
    const views = page.views ?? [];
    expect(views.length).toBeGreaterThan(0);
    expect(views.length).toBeLessThanOrEqual(100);
    expect(views.every((v) => v.via === 'history')).toBe(true);
  });
});
