import { describe, expect, it } from 'vitest';
import { notFoundNotice, SoftNotFoundCheck } from '../../crawlers/crawl/soft-404.ts';
import type { PageCapture } from '../../src/core/index.ts';

function capture(fields: Partial<PageCapture>): PageCapture {
  return {
    url: 'http://127.0.0.1/x',
    finalUrl: 'http://127.0.0.1/x',
    status: 'ok',
    httpStatus: 200,
    depth: 1,
    title: '',
    text: '',
    headings: [],
    ...fields,
  } as PageCapture;
}

const TEMPLATE =
  'City of Riverton Home Services Your council News Contact us Privacy notice Follow us on Facebook';

describe('notFoundNotice: not-found titles and headings', () => {
  it.each([
    'Page not found | City of Riverton',
    '404',
    'Error 404 – Riverton',
    'Page introuvable',
    'Página no encontrada - Ayuntamiento',
    'Página não encontrada',
    'Pagina non trovata',
    'Seite nicht gefunden',
    'Страница не найдена',
    '页面不存在',
    'الصفحة غير موجودة',
  ])('finds %s', (text) => {
    expect(notFoundNotice(text)).not.toBeNull();
  });

  it.each([
    'Lost and found property',
    'No results found for "parking"',
    'Bus route 404 timetable and stops',
    'Report a problem: what to do if your bin was not collected or your street light was found broken',
    'Contact us',
  ])('leaves %s alone', (text) => {
    expect(notFoundNotice(text)).toBeNull();
  });
});

describe('SoftNotFoundCheck', () => {
  it('takes a page whose title or main heading says not found for a soft 404, never the home page', () => {
    const check = new SoftNotFoundCheck();
    const jobs = capture({ title: 'Page not found | Borough of Eastmoor' });
    check.apply(jobs);
    expect(jobs.status).toBe('soft_404');
    expect(jobs.error).toContain('title');
    const heading = capture({ title: 'Riverton', headings: [{ level: 1, text: 'Página no encontrada' }] });
    check.apply(heading);
    expect(heading.status).toBe('soft_404');
    const home = capture({ depth: 0, title: 'Page not found' });
    check.apply(home);
    expect(home.status).toBe('ok');
  });

  it("compares pages with a made-up address's answer once the site's template is set aside", () => {
    const check = new SoftNotFoundCheck();
    check.setHome(`${TEMPLATE} Welcome to Riverton, a city of 120,000 people on the river.`);
    const missingText = `${TEMPLATE} Sorry, we could not find what you were looking for. Try the services list.`;
    check.addMissingPage('http://127.0.0.1/portal-audit-missing-1', missingText);
    expect(check.references).toBe(1);

    const echo = capture({
      text: `${TEMPLATE} Sorry, we could not find what you were looking for. Try the services list.`,
    });
    check.apply(echo);
    expect(echo.status).toBe('soft_404');
    expect(echo.error).toContain('portal-audit-missing-1');

    // A short content page shares the template too, but not the missing page's own words.
    const content = capture({ text: `${TEMPLATE} Bin collection days: general waste every two weeks.` });
    check.apply(content);
    expect(content.status).toBe('ok');
  });

  it('keeps no reference when the made-up address shows nothing of its own (an empty app shell)', () => {
    const check = new SoftNotFoundCheck();
    check.setHome(TEMPLATE);
    check.addMissingPage('http://127.0.0.1/portal-audit-missing-2', TEMPLATE);
    expect(check.references).toBe(0);
  });

  it('survives a checkpoint', () => {
    const check = new SoftNotFoundCheck();
    check.setHome(TEMPLATE);
    check.addMissingPage(
      'http://127.0.0.1/m',
      `${TEMPLATE} We cannot find that page anywhere on this website today.`,
    );
    const restored = SoftNotFoundCheck.restore(JSON.parse(JSON.stringify(check.snapshot())));
    const echo = capture({ text: `${TEMPLATE} We cannot find that page anywhere on this website today.` });
    restored.apply(echo);
    expect(echo.status).toBe('soft_404');
  });
});
