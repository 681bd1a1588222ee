import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserRenderer } from '../../../crawlers/browser/browser-renderer.ts';
import type { RenderOptions } from '../../../crawlers/contracts.ts';
import { ANY_PRIVATE } from '../../helpers/network.ts';
import { fixtureRoutes } from './fixture-pages.ts';
import { type PageServer, startPageServer } from './page-server.ts';

const OPTIONS: RenderOptions = { userAgent: 'portal-audit-test', network: ANY_PRIVATE, timeoutMs: 20_000 };
const NONSENSE = 'zqxwvkjh';

let server: PageServer;
let renderer: BrowserRenderer;

beforeAll(async () => {
  server = await startPageServer(fixtureRoutes());
  renderer = new BrowserRenderer({ blockNonLoopback: true });
});

afterAll(async () => {
  await renderer?.close();
  await server?.close();
});

describe('BrowserRenderer.probeSearch', () => {
  const jsForm = { formSelector: '#search-form', inputSelector: '#search-form input[name="q"]' };

  it('finds results that a script puts in the page, and none for a nonsense word', async () => {
    const real = await renderer.probeSearch(server.url('/search-js.html'), jsForm, 'permit', OPTIONS);
    expect(real.status).toBe('ok');
    expect(real.queryOccurrences).toBe(2);
    expect(real.mainLinkCount).toBe(2);
    expect(real.snippet).toContain('Building permit application');
    expect(real.resultsUrl).toBe(server.url('/search-js.html'));
    expect(Array.from(real.screenshotJpeg?.subarray(0, 2) ?? [])).toEqual([0xff, 0xd8]);

    const nonsense = await renderer.probeSearch(server.url('/search-js.html'), jsForm, NONSENSE, OPTIONS);
    expect(nonsense.status).toBe('ok');
    expect(nonsense.queryOccurrences).toBe(0);
    expect(nonsense.mainLinkCount).toBe(0);
    expect(nonsense.snippet).toBe('');
  });

  it('follows a GET form to the server-rendered results page', async () => {
    const form = { formSelector: 'main > form', inputSelector: 'main > form input[name="s"]' };
    const real = await renderer.probeSearch(server.url('/search-form.html'), form, 'library', OPTIONS);
    expect(real.resultsUrl).toBe(server.url('/results?s=library'));
    expect(real).toMatchObject({ status: 'ok', httpStatus: 200, title: 'Results' });
    expect(real.queryOccurrences).toBe(3);
    expect(real.mainLinkCount).toBe(2);
    expect(real.textLength).toBeGreaterThan(20);

    const nonsense = await renderer.probeSearch(server.url('/search-form.html'), form, NONSENSE, OPTIONS);
    expect(nonsense.resultsUrl).toBe(server.url(`/results?s=${NONSENSE}`));
    // The results page echoes the query once in its heading, and lists nothing.
    expect(nonsense.queryOccurrences).toBe(1);
    expect(nonsense.mainLinkCount).toBe(0);
  });

  it("falls back to the page's search input, and fails cleanly when there is none", async () => {
    const result = await renderer.probeSearch(server.url('/clean.html'), jsForm, 'permit', {
      ...OPTIONS,
      screenshot: false,
    });
    // No #search-form on clean.html: the fallback finds its input[type=search], whose form posts to a 404.
    expect(result).toMatchObject({
      status: 'http_4xx',
      httpStatus: 404,
      resultsUrl: server.url('/search?q=permit'),
    });
    expect(result.screenshotJpeg).toBeNull();
    const none = await renderer.probeSearch(server.url('/wide.html'), jsForm, 'permit', OPTIONS);
    expect(none.status).toBe('error');
    expect(none.error).toMatch(/not found/);
  });
});
