import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../../crawlers/browser/axe-run.ts';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { requireChromium } from '../../crawlers/browser/find-chromium.ts';
import { loadSiteCaptures, openStore, repositories } from '../../db/index.ts';
import { PORTALS_ROOT, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import { type AuditOutcome, auditSite } from '../../src/pipeline/audit-site.ts';
import { REPORT_SCHEMA_PATH } from '../../src/report/report-schema.ts';
import { type AuditReport, auditReportSchema } from '../../src/report/report-types.ts';
import { tempWorkdir } from '../helpers/run-cli.ts';

const work = tempWorkdir('pa-report-');
afterAll(() => work.cleanup());

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Audits a fixture portal served at 127.0.0.1:port into the shared store. */
async function auditAt(portalName: string, port: number, out: string): Promise<AuditOutcome> {
  const portal = await startPortal(join(PORTALS_ROOT, portalName), { port });
  try {
    return await auditSite({
      url: portal.home,
      level: 'city',
      budget: { maxPages: 10, maxDepth: 2, maxSeconds: 0 },
      render: 'auto',
      allowPrivate: true,
      dbFile: work.path('store.db'),
      outDir: out,
      formats: ['sarif', 'csv'],
    });
  } finally {
    await portal.close();
  }
}

/**
 * report.html as a person reads it, in Chromium: the action list at the top, evidence in the page's
 * own words, and the comparison with the same site's earlier audit. Two audits of one address (the
 * same 127.0.0.1 port) serving two different fixture portals, so that the second has changes to show.
 */
describe('report.html and report.json of a second audit of the same site', () => {
  let first: AuditOutcome;
  let second: AuditOutcome;
  let report: AuditReport;
  let browser: Browser;
  let page: Page;
  const out = () => work.path('second');

  beforeAll(async () => {
    const port = await freePort();
    first = await auditAt('fr-ville', port, work.path('first'));
    second = await auditAt('demo', port, out());
    report = second.report;
    browser = await chromium.launch({ executablePath: requireChromium(), args: [...CHROMIUM_ARGS] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${join(out(), 'report.html')}`);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('compares itself with the earlier run of the same site (report.json comparedWith)', async () => {
    expect(first.report.comparedWith).toBeNull();
    const compared = report.comparedWith;
    expect(compared?.runId).toBe(first.runId);
    const store = openStore(work.path('store.db'));
    try {
      expect(compared?.date).toBe(repositories(store).runs.get(first.runId)?.startedAt);
    } finally {
      store.close();
    }
    const changes = new Set(compared?.indicators.map((i) => i.change));
    expect(changes.has('fixed') || changes.has('new')).toBe(true);
    const changed = compared!.indicators.find((i) => i.change === 'fixed' || i.change === 'new')!;
    expect(changed.before).not.toBe(changed.after);
    expect(compared?.score.delta).toBeCloseTo((report.score.value ?? 0) - (first.report.score.value ?? 0), 6);
    // In the page: its own section, dated, with the changed indicator listed.
    const section = page.locator('section[aria-labelledby="compared"]');
    await expect.poll(() => section.count()).toBe(1);
    expect(await section.locator('h2').textContent()).toMatch(
      /^Compared with the audit of \d{1,2} \w{3} \d{4}/,
    );
    expect(await section.textContent()).toContain(`(${changed.code})`);
  });

  it('opens with what to fix first: not-met indicators by what they are worth, WCAG problems by reach', async () => {
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.indexOf('What to fix first')).toBe(1); // right after the summary
    const actions = report.actions!;
    expect(actions.indicators.length).toBeGreaterThan(0);
    const gains = actions.indicators.map((a) => a.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    const firstItem = page.locator('#fix-ind > li').first();
    const text = (await firstItem.textContent()) ?? '';
    expect(text).toContain(actions.indicators[0]!.title);
    expect(text).toMatch(/\+\d+\.\d points?/);
    expect(text).toContain(`The survey looks for: ${actions.indicators[0]!.lookedFor}`);
    // "Where it looked" in words, never the HTTP status of the home page.
    const searched = actions.indicators.find((a) => a.searched.startsWith('Searched'));
    expect(searched?.searched).toMatch(/^Searched \d+ pages and \d+ links for .+\.$/);
    expect(await page.locator('#fix-first').textContent()).not.toMatch(/200 ok/);

    const wcag = actions.accessibility;
    expect(wcag.length).toBeGreaterThan(0);
    expect(wcag.map((w) => w.priority)).toEqual([...wcag.map((w) => w.priority)].sort((a, b) => b - a));
    expect(await page.locator('#fix-wcag-list > li').first().textContent()).toContain(
      `How to fix: ${wcag[0]!.fix.split('\n')[0]}`,
    );
  });

  it("shows the portal's security, privacy and speed apart from the score, each finding with its threshold", async () => {
    const posture = report.posture!;
    const level = (check: string) => posture.security.findings.find((f) => f.check === check)?.level;
    // The demo is served over plain http by a server sending some security headers (portal.json).
    expect(level('https')).toBe('fail');
    expect(level('hsts')).toBe('fail');
    expect(level('framing')).toBe('pass'); // X-Frame-Options: SAMEORIGIN
    expect(level('referrer-policy')).toBe('pass');
    expect(level('content-type-options')).toBe('pass');
    expect(level('csp')).toBe('fail');
    const disclosure = posture.security.findings.find((f) => f.check === 'server-disclosure')!;
    expect(disclosure).toMatchObject({ level: 'attention' });
    expect(disclosure.evidence[0]?.value).toBe('nginx/1.22.1');
    const portalHost = posture.security.hosts.find((h) => h.role === 'portal');
    expect(portalHost).toMatchObject({ https: false });
    expect(posture.privacy.trackerDatabase).toMatch(/^@ghostery\/trackerdb /);
    for (const id of ['security', 'speed']) {
      const section = page.locator(`section[aria-labelledby="${id}"]`);
      expect(await section.count()).toBe(1);
      expect(await section.textContent()).toContain('Not part of the survey score');
    }
    const csp = page.locator('section[aria-labelledby="security"] details[data-check="csp"]').first();
    expect(await csp.textContent()).toMatch(
      /Fail.*Content Security Policy.*Passes when: .*Mozilla HTTP Observatory/s,
    );
  });

  it('shows text evidence in the page’s own words with the matched words marked', async () => {
    const snippets = page.locator('blockquote.snippet:has(mark)');
    expect(await snippets.count()).toBeGreaterThan(2);
    for (const snippet of await snippets.all()) {
      const text = (await snippet.textContent()) ?? '';
      const mark = (await snippet.locator('mark').first().textContent()) ?? '';
      expect(mark.trim().length).toBeGreaterThan(0);
      // Original case (the folded text the rules match on is all lower case)…
      expect(text).toMatch(/[A-Z]/);
      // …and cut between words: the text after an ellipsis starts a word of the page.
      expect(text.replace(/^…/, '')).toMatch(/^[\p{Lu}\p{Ll}\p{N}"'“(€£$]/u);
    }
    // Every highlighted text snippet is a piece of its page's own text, the mark on the words matched.
    const store = openStore(work.path('store.db'));
    try {
      const pages = loadSiteCaptures(store, second.runId).pages;
      const textOf = new Map(pages.map((p) => [p.finalUrl, p.text]));
      const marked = report.indicators.flatMap((i) =>
        i.evidence.filter((e) => e.kind === 'text' && e.highlight),
      );
      expect(marked.length).toBeGreaterThan(2);
      for (const e of marked) {
        const body = e.snippet!.replace(/^…/, '').replace(/…$/, '');
        expect(textOf.get(e.pageUrl), e.snippet).toContain(body);
        expect(e.snippet!.slice(e.highlight!.start, e.highlight!.end).trim().length).toBeGreaterThan(0);
      }
    } finally {
      store.close();
    }
  });

  it('pictures text and element evidence, outlined, and opens pictures full size on click', async () => {
    const kinds = new Set(
      report.indicators.flatMap((i) => i.evidence.filter((e) => e.elementShot).map((e) => e.kind)),
    );
    expect(kinds.has('text')).toBe(true);
    expect(kinds.has('element') || kinds.has('form')).toBe(true);
    const shot = page.locator('figure.shot').first();
    await shot.evaluate((el) => el.closest('details')?.setAttribute('open', ''));
    expect(await shot.evaluate((el) => getComputedStyle(el).position)).toBe('static');
    await shot.locator('a.open').click();
    expect(await shot.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    const img = shot.locator('img');
    const size = await img.evaluate((el: HTMLImageElement) => ({
      shown: el.clientWidth,
      natural: el.naturalWidth,
    }));
    expect(size.shown).toBe(size.natural);
    await shot.locator('a.close').click();
    expect(await shot.evaluate((el) => getComputedStyle(el).position)).toBe('static');
  });

  it('lists the pages crawled, and uses no internal words in the text', async () => {
    const rows = page.locator('details.pages tbody tr');
    expect(await rows.count()).toBe(report.crawl.pageList?.length);
    expect(report.crawl.pageList?.length).toBeGreaterThanOrEqual(second.crawl.pages);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const word of [
      '2024.1-spine',
      'frontier exhausted',
      'frontier_exhausted',
      'not decidable offline',
      'projected',
      'needs_review',
      'losi-2024/',
    ]) {
      expect(text, word).not.toContain(word);
    }
    // The indicator and the section agree on the WCAG version the survey asks for.
    const wcag = report.indicators.find((i) => i.code === '210')!;
    expect(wcag.title).toContain('WCAG 2.1 AA');
    expect(report.accessibility.standard).toContain('WCAG 2.1 AA');
  });

  it('has no axe violations of its own and reads at 375 px without sideways scrolling', async () => {
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    const axe = await runAxe(page);
    expect(axe.violations.map((v) => `${v.ruleId}: ${v.nodes[0]?.selector}`)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    const widths = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      view: window.innerWidth,
    }));
    expect(widths.doc).toBeLessThanOrEqual(widths.view);
  });

  it('writes report.json that validates against the committed JSON Schema', () => {
    const json = JSON.parse(readFileSync(join(out(), 'report.json'), 'utf8'));
    expect(auditReportSchema.safeParse(json).success).toBe(true);
    const schema = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // A broken report does not validate.
    expect(validate({ ...json, audited: 'yes' })).toBe(false);
  });

  it('writes SARIF 2.1.0 and CSV beside the report', () => {
    const sarif = JSON.parse(readFileSync(join(out(), 'report.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const [axeRun, indicatorRun] = sarif.runs;
    expect(axeRun.tool.driver.name).toBe('axe-core');
    const ruleIds = new Set(report.accessibility.violations.map((v) => v.ruleId));
    expect(
      new Set(
        axeRun.results
          .filter((r: { level: string }) => r.level === 'error')
          .map((r: { ruleId: string }) => r.ruleId),
      ),
    ).toEqual(ruleIds);
    for (const r of axeRun.results) {
      expect(axeRun.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.message.text.length).toBeGreaterThan(0);
      const artifact = axeRun.artifacts[r.locations[0].physicalLocation.artifactLocation.index];
      expect(artifact.location.uri).toBe(r.locations[0].physicalLocation.artifactLocation.uri);
    }
    expect(indicatorRun.tool.driver.name).toBe('portal-audit');
    const notMet = report.indicators.filter((i) => i.outcome === 'not_met').map((i) => i.id);
    expect(
      indicatorRun.results
        .filter((r: { kind: string }) => r.kind === 'fail')
        .map((r: { ruleId: string }) => r.ruleId),
    ).toEqual(notMet);

    const csv = readFileSync(join(out(), 'report.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('kind,id,group,title,outcome,confidence,pages,message,url');
    expect(csv.filter((l) => l.startsWith('indicator,'))).toHaveLength(report.indicators.length);
    expect(csv.filter((l) => l.startsWith('wcag,'))).toHaveLength(report.accessibility.violations.length);
  });
});
