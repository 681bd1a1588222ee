import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PORTALS_ROOT, type StartedPortal, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import { chromiumPath, launchChromium, loopbackContext } from './portal-checks.ts';

/** The JS-rendered portal works the way its labels say a human sees it. */
describe.skipIf(!chromiumPath())('pt-cidade-spa rendered by its script', () => {
  let browser: Browser;
  let context: BrowserContext;
  let blocked: string[];
  let portal: StartedPortal;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ context, blocked } = await loopbackContext(browser));
    portal = await startPortal(`${PORTALS_ROOT}/pt-cidade-spa`);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });
  beforeEach(async () => {
    await page?.close();
    page = await context.newPage();
  });

  const h1 = async () => (await page.locator('main h1').textContent())?.trim();

  it('renders the home page from the empty shell', async () => {
    await page.goto(portal.home);
    expect(await h1()).toBe('Bem-vindo ao Município de Ribeira Alta');
    expect(await page.title()).toBe('Início | Município de Ribeira Alta');
    expect(await page.locator('footer a[href="/privacidade"]').count()).toBe(1);
    expect(await page.locator('form[role="search"]').count()).toBe(1);
  });

  it('follows real links with the History API, without reloading', async () => {
    await page.goto(portal.home);
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    await page.getByRole('link', { name: 'Pagar a fatura da água' }).click();
    await page.waitForURL('**/servicos/agua');
    expect(await h1()).toBe('Água e saneamento');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.goBack();
    await page.waitForURL(portal.home);
    expect(await h1()).toBe('Bem-vindo ao Município de Ribeira Alta');
  });

  it('opens a deep link directly and renders unknown routes as not found', async () => {
    await page.goto(`${portal.origin}/municipio/camara`);
    expect(await h1()).toBe('Câmara Municipal');
    await page.goto(`${portal.origin}/nao/existe`);
    expect(await h1()).toBe('Página não encontrada');
  });

  it('searches in the browser: accent-insensitive results, nothing for a nonsense word', async () => {
    await page.goto(portal.home);
    await page.locator('form[role="search"] input[name="q"]').fill('agua');
    await page.locator('form[role="search"] button').click();
    await page.waitForURL('**/pesquisa?q=agua');
    const results = await page
      .locator('main ol.resultados a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(results).toContain('/servicos/agua');
    await page.goto(`${portal.origin}/pesquisa?q=zqxwvkjh`);
    expect(await page.locator('main').textContent()).toContain('Nenhum resultado para zqxwvkjh');
    expect(await page.locator('main ol.resultados a').count()).toBe(0);
    expect(blocked).toEqual([]);
  });
});
