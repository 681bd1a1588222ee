import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listPortals,
  type PortalEntry,
  readPortalTruth,
  type StartedPortal,
  startPortal,
} from '../../src/fixture-server/portal-fixture.ts';

/** The LOSI codes every fixture portal must label (the spine indicators). */
const SPINE_CODES = ['204', '205', '206', '208', '210', '212', '214', '234', '236', '240', '273'];
const EXPECTED_PORTALS = [
  'ar-baladiya',
  'demo',
  'en-borough-app',
  'en-large-council',
  'en-national-min',
  'es-nacional',
  'fr-ville',
  'it-comune',
  'pt-cidade-spa',
  'ru-gorod',
  'zh-shizhengfu',
];
/** Drawn by script (their pages are views of one document) or generated at 630 pages. */
const NOT_SMALL_STATIC = new Set(['pt-cidade-spa', 'en-borough-app', 'en-large-council']);

let portals: PortalEntry[];
beforeAll(async () => {
  portals = await listPortals();
});

describe('fixture portals: ground truth files', () => {
  it('lists the bundled portals', () => {
    expect(portals.map((p) => p.name)).toEqual(EXPECTED_PORTALS);
  });

  it.each(EXPECTED_PORTALS)('%s: truth.json is valid and labels the spine indicators', async (name) => {
    const truth = await readPortalTruth(portals.find((p) => p.name === name)!.dir);
    expect(truth.portal).toBe(name);
    for (const code of SPINE_CODES) expect(truth.indicators[code], `indicator ${code}`).toBeDefined();
    // Every label says where a human looks, or why the feature is missing.
    for (const [code, label] of Object.entries(truth.indicators)) {
      expect(label.where ?? label.note, `indicator ${code}`).toBeTruthy();
    }
  });

  it('covers both outcomes and both levels across the portals', async () => {
    const truths = await Promise.all(portals.map((p) => readPortalTruth(p.dir)));
    expect(new Set(truths.map((t) => t.level))).toEqual(new Set(['city', 'national']));
    for (const code of SPINE_CODES) {
      const outcomes = new Set(truths.map((t) => t.indicators[code]!.met));
      expect(outcomes, `indicator ${code} is met somewhere and missing somewhere`).toEqual(
        new Set([true, false]),
      );
    }
  });

  it('rejects an invalid truth.json with a message naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bad-portal-'));
    try {
      await mkdir(join(dir, 'site'));
      await writeFile(
        join(dir, 'truth.json'),
        JSON.stringify({ portal: 'x', level: 'county', indicators: {} }),
      );
      await expect(startPortal(dir)).rejects.toThrow(/truth\.json is invalid/);
      await writeFile(
        join(dir, 'truth.json'),
        JSON.stringify({
          portal: 'x',
          level: 'city',
          language: 'en',
          home: '/',
          indicators: { search: { met: true } },
        }),
      );
      await expect(startPortal(dir)).rejects.toThrow(/indicator code/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

interface CrawlResult {
  pages: string[];
  broken: string[];
  /** Stylesheets, scripts and images requested from a non-loopback host (would need the internet). */
  remoteResources: string[];
  /** Absolute links to a fixture host that were not rewritten to a port. */
  unrewritten: string[];
}

/** Breadth-first over the served HTML (no JavaScript), checking every same-origin reference. */
async function crawlHtml(portal: StartedPortal): Promise<CrawlResult> {
  const origins = [portal.origin, ...Object.values(portal.externals)];
  const result: CrawlResult = { pages: [], broken: [], remoteResources: [], unrewritten: [] };
  const seen = new Set<string>([portal.home]);
  const queue = [portal.home];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const res = await fetch(url);
    if (res.status !== 200) {
      result.broken.push(`${res.status} ${url}`);
      continue;
    }
    if (!res.headers.get('content-type')?.startsWith('text/html')) continue;
    if (url.startsWith(portal.origin)) result.pages.push(new URL(url).pathname);
    const $ = cheerio.load(await res.text());
    const refs: { url: string; resource: boolean }[] = [];
    // Form actions are left out: they post to handlers a static site does not have.
    $('a[href], link[href], script[src], img[src]').each((_, el) => {
      const attr = $(el).attr('href') ?? $(el).attr('src') ?? '';
      if (attr === '' || attr.startsWith('#') || /^(mailto|tel|javascript):/.test(attr)) return;
      const resolved = new URL(attr, url);
      resolved.hash = '';
      refs.push({ url: resolved.href, resource: el.tagName !== 'a' });
    });
    for (const ref of refs) {
      const { hostname, port, origin } = new URL(ref.url);
      if (/^127\./.test(hostname) && port === '') result.unrewritten.push(ref.url);
      if (!origins.includes(origin)) {
        if (ref.resource) result.remoteResources.push(ref.url);
        continue;
      }
      if (seen.has(ref.url)) continue;
      seen.add(ref.url);
      queue.push(ref.url);
    }
  }
  return result;
}

describe.each(EXPECTED_PORTALS)('fixture portal %s served over HTTP', (name) => {
  let portal: StartedPortal;
  beforeAll(async () => {
    portal = await startPortal(portals.find((p) => p.name === name)!.dir);
  });
  afterAll(() => portal.close());

  it('serves its home page on 127.0.0.1', async () => {
    expect(portal.home).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(portal.home);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toMatch(new RegExp(`<html lang="${portal.truth.language}`));
  });

  it('serves every place its labels point to', async () => {
    for (const [code, label] of Object.entries(portal.truth.indicators)) {
      const target = label.where?.match(/^(\/[^\s,;]*|http:\/\/127\.0\.0\.2\/[^\s,;]*)/)?.[1];
      if (!target) continue;
      const url = target.startsWith('/')
        ? new URL(target, portal.origin)
        : new URL(target.replace('http://127.0.0.2', portal.externals['127.0.0.2']!));
      const res = await fetch(url);
      expect(res.status, `indicator ${code}: ${target}`).toBe(200);
    }
  });

  it.skipIf(NOT_SMALL_STATIC.has(name))(
    'has 12 to 30 pages, no broken links and nothing loaded from the internet',
    async () => {
      const crawl = await crawlHtml(portal);
      expect(crawl.broken).toEqual([]);
      expect(crawl.remoteResources).toEqual([]);
      expect(crawl.unrewritten).toEqual([]);
      const pages = new Set(crawl.pages.map((p) => p.replace(/index\.html$/, '')));
      expect(pages.size).toBeGreaterThanOrEqual(12);
      expect(pages.size).toBeLessThanOrEqual(30);
    },
  );
});

describe('fixture portal details', () => {
  it('it-comune: online services live on 127.0.0.2 and link back to the portal', async () => {
    const portal = await startPortal(portals.find((p) => p.name === 'it-comune')!.dir);
    try {
      const external = portal.externals['127.0.0.2']!;
      expect(external).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      const home = await (await fetch(portal.home)).text();
      expect(home).toContain(`href="${external}/pagamenti.html"`);
      const payments = await fetch(`${external}/pagamenti.html`);
      expect(payments.status).toBe(200);
      const html = await payments.text();
      expect(html).toContain('Paga la multa');
      expect(html).toContain(`href="${portal.origin}/"`);
    } finally {
      await portal.close();
    }
  });

  it('demo: the search lists the pages that hold the word; a nonsense word finds nothing', async () => {
    const portal = await startPortal(portals.find((p) => p.name === 'demo')!.dir);
    try {
      const hits = await (await fetch(`${portal.origin}/search?q=recycling`)).text();
      expect(hits).toContain('href="/services/bins-and-recycling.html"');
      const none = await (await fetch(`${portal.origin}/search?q=zqxwvkjh`)).text();
      expect(none).toContain('No results found for');
      expect(none).not.toContain('<li><a');
      const sitemap = await (await fetch(`${portal.origin}/sitemap.xml`)).text();
      expect(sitemap).toContain(`<loc>${portal.origin}/services/</loc>`);
    } finally {
      await portal.close();
    }
  });

  it('es-nacional: the search page only echoes the query', async () => {
    const portal = await startPortal(portals.find((p) => p.name === 'es-nacional')!.dir);
    try {
      const html = await (await fetch(`${portal.origin}/buscar?termino=licencia`)).text();
      expect(html).toContain('Usted buscó:');
      expect(html).toContain('<strong>licencia</strong>');
      expect(html).not.toContain('<li><a');
    } finally {
      await portal.close();
    }
  });

  it('pt-cidade-spa: every route answers with the empty shell; files are served as files', async () => {
    const portal = await startPortal(portals.find((p) => p.name === 'pt-cidade-spa')!.dir);
    try {
      for (const path of ['/', '/servicos/agua', '/pesquisa?q=agua', '/rota/inexistente']) {
        const res = await fetch(`${portal.origin}${path}`);
        expect(res.status, path).toBe(200);
        const $ = cheerio.load(await res.text());
        expect($('#app').children().length).toBe(0);
        expect($('body').text().trim()).toMatch(/^Para usar o portal/);
      }
      const csv = await fetch(`${portal.origin}/dados/ecopontos.csv`);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect((await fetch(`${portal.origin}/assets/nao-existe.js`)).status).toBe(404);
    } finally {
      await portal.close();
    }
  });
});
