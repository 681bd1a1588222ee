import { describe, expect, it } from 'vitest';
import { extractPage } from '../../crawlers/extract/extract-page.ts';
import { isSameSite } from '../../crawlers/frontier/scope.ts';
import { linkActionability, offerResult, onPage } from '../../rules/_shared/actionability.ts';
import { checkLinkTarget } from '../../rules/_shared/link-target.ts';
import { pageRole } from '../../rules/_shared/page-role.ts';
import type { FetchStatus, PageCapture, SiteCaptures } from '../../src/core/index.ts';

const BASE = 'https://city.example/';

/** A capture of `html` at `path`, extracted by the production extractor. */
function capture(
  path: string,
  html: string,
  o: { status?: FetchStatus; httpStatus?: number; finalUrl?: string; redirects?: string[] } = {},
): PageCapture {
  const url = new URL(path, BASE).href;
  const status = o.status ?? 'ok';
  return {
    url,
    finalUrl: o.finalUrl ?? url,
    redirects: o.redirects ?? [],
    status,
    httpStatus: o.httpStatus ?? (status === 'ok' ? 200 : 404),
    headers: {},
    contentType: 'text/html',
    bytes: html.length,
    fetchedAt: '2026-03-10T10:00:00.000Z',
    fetchMs: 1,
    site: isSameSite(url, BASE) ? 'portal' : 'external',
    depth: 1,
    linkPath: [{ url: BASE, text: '' }],
    htmlHash: null,
    ...extractPage(html, url, { isSameSite: (u) => isSameSite(u, BASE) }),
    rendered: false,
  };
}

function html(title: string, main: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/services/">Services</a></nav></header>
<main>${main}</main><footer><a href="/privacy/">Privacy</a></footer></body></html>`;
}

function siteOf(...pages: PageCapture[]): SiteCaptures {
  return { target: { url: BASE, level: 'city' }, home: pages[0], pages, artifacts: {} };
}

const home = capture('/', html('City of Riverton', '<h1>Welcome</h1>'));

describe('page roles', () => {
  const role = (page: PageCapture) => pageRole(page, siteOf(home, page)).role;

  it('read news, FAQ, legal and project pages from URL path segments, in several languages', () => {
    expect(role(capture('/news/new-payment-platform/', html('x', '<h1>x</h1>')))).toBe('news');
    expect(role(capture('/actualites/paiement/', html('x', '<h1>x</h1>')))).toBe('news');
    expect(role(capture('/noticias/', html('x', '<h1>x</h1>')))).toBe('news');
    expect(role(capture('/2026/03/budget-approved/', html('x', '<h1>x</h1>')))).toBe('news');
    expect(role(capture('/servicios/preguntas-frecuentes/', html('x', '<h1>x</h1>')))).toBe('faq');
    expect(role(capture('/faq.html', html('x', '<h1>x</h1>')))).toBe('faq');
    expect(role(capture('/termos-de-uso/', html('x', '<h1>x</h1>')))).toBe('legal');
    expect(role(capture('/mentions-legales', html('x', '<h1>x</h1>')))).toBe('legal');
    // Projects are named by their titles: "/proyectos/votar" is a voting service.
    expect(role(capture('/proyectos/votar/', html('Votación', '<h1>Vota los proyectos</h1>')))).toBe(
      'section',
    );
  });

  it('need a one-word term to be the whole segment', () => {
    // "stampa" (press) inside "stampa-documenti" (print documents); "news" in "news-alerts".
    expect(role(capture('/stampa-documenti/', html('Stampa documenti', '<h1>Stampa documenti</h1>')))).toBe(
      'section',
    );
    expect(role(capture('/services/news-alerts/', html('Alerts', '<h1>Sign up for alerts</h1>')))).toBe(
      'section',
    );
  });

  it('read the title label and h1 in every script', () => {
    expect(role(capture('/voprosy/', html('Часто задаваемые вопросы | Город', '<h1>x</h1>', 'ru')))).toBe(
      'faq',
    );
    expect(role(capture('/q/', html('x', '<h1>الأسئلة الشائعة</h1>', 'ar')))).toBe('faq');
    expect(role(capture('/p/', html('隐私政策 | 青山市', '<h1>隐私政策</h1>', 'zh')))).toBe('legal');
    expect(role(capture('/x/', html('Terms of use | City', '<h1>Terms of use</h1>')))).toBe('legal');
    expect(role(capture('/y/', html('Progetto pagoPA | Comune', '<h1>Progetto pagoPA</h1>', 'it')))).toBe(
      'project',
    );
  });

  it('read a long headline with a date under it as a news item, and keep service pages', () => {
    const item = html(
      'x',
      '<h1>Council to launch a new online payment platform next spring</h1><p>Published 4 March 2026</p>',
    );
    expect(role(capture('/payments-update/', item))).toBe('news');
    const service = html('Pay a parking fine', '<h1>Pay a parking fine</h1><p>Updated 4 March 2026</p>');
    expect(role(capture('/parking/pay/', service))).toBe('section');
    const guidance = html(
      'x',
      '<h1>Apply for a licence to sell alcohol in England and Wales</h1><p>Last updated 2 February 2026</p>' +
        '<form action="/apply" method="post"><label>Name <input name="n"></label><button>Apply</button></form>',
    );
    expect(role(capture('/apply-alcohol-licence/', guidance))).toBe('section');
    const bill = html('x', '<h1>Proyecto de ley de datos abiertos: participa</h1>', 'es');
    expect(role(capture('/consulta/', bill))).toBe('section');
    expect(pageRole(home, siteOf(home)).role).toBe('home');
  });
});

describe('link targets', () => {
  const linkTo = (href: string) =>
    capture('/from/', html('From', `<a href="${href}">Go</a>`)).links.find((l) => l.text === 'Go')!;

  it('tell content, documents, placeholders, failures and unfetched targets apart', () => {
    const target = capture('/org/', html('Organisation', '<h1>Organisation chart</h1>'));
    const pdf = capture('/org.pdf', '', { status: 'not_html', httpStatus: 200 });
    const gone = capture('/gone.pdf', '', { status: 'http_4xx', httpStatus: 404 });
    const blocked = capture('/pay/', '', { status: 'bot_blocked', httpStatus: 403 });
    const site = siteOf(home, target, pdf, gone, blocked);
    expect(checkLinkTarget(site, linkTo('/org/')).state).toBe('content');
    expect(checkLinkTarget(site, linkTo('/org.pdf')).state).toBe('document');
    expect(checkLinkTarget(site, linkTo('/gone.pdf')).state).toBe('failed');
    expect(checkLinkTarget(site, linkTo('/pay/')).state).toBe('not_fetched');
    expect(checkLinkTarget(site, linkTo('/never/')).state).toBe('not_fetched');
    expect(checkLinkTarget(site, linkTo('#')).state).toBe('placeholder');
    expect(checkLinkTarget(site, linkTo('javascript:void(0)')).state).toBe('placeholder');
  });

  it('see soft 404s: an error title in any language, a copy of the error page, a redirect home', () => {
    const fr = capture('/a/', html('Page introuvable - Ville', '<h1>Oups</h1>', 'fr'));
    const ru = capture('/b/', html('Город', '<h1>Страница не найдена</h1>', 'ru'));
    const zh = capture('/c/', html('页面不存在', '<h1>x</h1>', 'zh'));
    const errorPage = capture('/missing/', html('Riverton', '<h1>Sorry</h1><p>We moved things around.</p>'), {
      status: 'http_4xx',
      httpStatus: 404,
    });
    const copy = capture('/d/', html('Riverton', '<h1>Sorry</h1><p>We moved things around.</p>'));
    const redirected = capture('/e/', html('City of Riverton', '<h1>Welcome</h1>'), {
      finalUrl: BASE,
      redirects: [new URL('/e/', BASE).href],
    });
    const site = siteOf(home, fr, ru, zh, errorPage, copy, redirected);
    for (const path of ['/a/', '/b/', '/c/', '/d/', '/e/']) {
      expect(checkLinkTarget(site, linkTo(path)).state, path).toBe('soft_404');
    }
    expect(checkLinkTarget(site, linkTo('/')).state).toBe('content');
  });
});

describe('actionability', () => {
  it('grades links by their target and demotes evidence on mention pages', () => {
    expect(linkActionability({ state: 'content', page: undefined, why: '' })).toBe('action-link');
    expect(linkActionability({ state: 'not_fetched', page: undefined, why: '' })).toBe('unfetched-link');
    expect(linkActionability({ state: 'soft_404', page: undefined, why: '' })).toBeNull();
    const faq = capture('/faq/', html('FAQ', '<h1>Frequently asked questions</h1>'));
    const service = capture('/pay/', html('Pay', '<h1>Pay a bill</h1>'));
    const site = siteOf(home, faq, service);
    expect(onPage('form', faq, site)).toBe('mention');
    expect(onPage('form', faq, site, ['faq'])).toBe('form');
    expect(onPage('form', service, site)).toBe('form');
  });

  it('never gives met on a mention or an unfetched link', () => {
    expect(offerResult('form', 0.99, 'm', []).outcome).toBe('met');
    expect(offerResult('form', 0.99, 'm', []).confidence).toBe(0.95);
    expect(offerResult('mention', 0.9, 'm', []).outcome).toBe('needs_review');
    expect(offerResult('unfetched-link', 0.9, 'm', []).confidence).toBe(0.6);
  });
});
