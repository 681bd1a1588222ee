import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Repositories, repositories } from '../../db/index.ts';
import type { PageCapture } from '../../src/core/index.ts';
import { createTestStore, type TestStore } from '../helpers/test-db.ts';
import { sampleAxe, samplePage } from './sample-capture.ts';

function count(t: TestStore, table: string): number {
  return t.store.db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`))?.n ?? -1;
}

describe('pages repository', () => {
  let t: TestStore;
  let repos: Repositories;
  let runId: number;

  beforeEach(() => {
    t = createTestStore();
    repos = repositories(t.store);
    const target = repos.targets.findOrCreateSelfAudit({ url: 'https://sampleton.example/', level: 'city' });
    runId = repos.runs.create({ targetId: target.id, catalogId: 'losi-2024', homeUrl: target.url });
  });
  afterEach(() => t.cleanup());

  function record(page: { capture: PageCapture; artifacts: { hash: string }[] }): number {
    for (const a of page.artifacts) t.store.artifacts.put(a as Parameters<typeof t.store.artifacts.put>[0]);
    return repos.pages.upsert(runId, page.capture);
  }

  it('round-trips a rendered page with axe results exactly', () => {
    const page = samplePage('https://sampleton.example/', { rendered: true, extraLinks: 40 });
    expect(page.capture.links.length).toBeGreaterThan(40);
    expect(page.capture.forms[0]?.isSearch).toBe(true);
    record(page);
    const [stored] = repos.pages.listCaptures(runId);
    expect(stored).toStrictEqual(page.capture);
    expect(repos.pages.getCapture(runId, page.capture.url)).toStrictEqual(page.capture);
    expect(count(t, 'axe_findings')).toBe(3);
  });

  it('round-trips an HTTP-only page and a failed fetch', () => {
    const plain = samplePage('https://sampleton.example/contact', { depth: 1 });
    const failed: PageCapture = {
      ...samplePage('https://sampleton.example/slow', { depth: 2 }).capture,
      status: 'timeout',
      httpStatus: null,
      error: 'no response within 30000 ms',
      htmlHash: null,
      title: '',
      text: '',
      links: [],
      forms: [],
      headings: [],
      lang: { declared: null, detected: null },
    };
    const rendered = samplePage('https://sampleton.example/spa', { rendered: true });
    const noAxe: PageCapture = { ...rendered.capture, render: { ...rendered.capture.render!, axe: null } };
    record(plain);
    repos.pages.upsert(runId, failed);
    record({ ...rendered, capture: noAxe });
    expect(repos.pages.listCaptures(runId)).toStrictEqual([plain.capture, failed, noAxe]);
    expect(count(t, 'axe_runs')).toBe(0);
  });

  it('round-trips any script, link rel and fields a later contract version adds', () => {
    const base = samplePage('https://sampleton.example/intl', { depth: 1 }).capture;
    const capture = {
      ...base,
      title: 'Ville de Genève — 北京市人民政府 — بلدية 😀',
      text: 'Démarches en ligne · 在线办事 · الخدمات الإلكترونية 😀\u2028fin',
      headings: [{ level: 1, text: 'Accès aux services' }],
      links: [
        ...base.links.slice(0, 2),
        { ...base.links[2]!, text: 'Confidentialité', rel: 'privacy-policy' },
        { ...base.links[3]!, rel: undefined, hint: { score: 3 } } as PageCapture['links'][number],
      ],
      futureField: { kept: true },
    } as PageCapture;
    const html = samplePage(capture.url);
    record({ capture: { ...capture, htmlHash: html.capture.htmlHash }, artifacts: html.artifacts });
    const [stored] = repos.pages.listCaptures(runId);
    expect(stored).toEqual({ ...capture, htmlHash: html.capture.htmlHash });
    expect(stored?.links[2]?.rel).toBe('privacy-policy');
    expect('rel' in stored!.links[3]!).toBe(false);
    // The capture column stays plain JSON text that SQLite itself can read.
    const row = t.store.db.get<{ first: string; title: string }>(
      sql`SELECT json_extract(capture, '$.packedLinks[2][2]') AS first, title FROM pages`,
    );
    expect(row).toEqual({ first: 'Confidentialité', title: capture.title });
  });

  it('keeps one row when the same page is recorded twice', () => {
    const page = samplePage('https://sampleton.example/', { rendered: true });
    const first = record(page);
    const second = record(page);
    expect(second).toBe(first);
    expect(repos.pages.count(runId)).toBe(1);
    expect(count(t, 'axe_runs')).toBe(1);
    expect(count(t, 'axe_findings')).toBe(3);
    expect(repos.pages.listCaptures(runId)).toStrictEqual([page.capture]);
  });

  it('replaces a page and its axe rows when it is recorded again with new content', () => {
    const page = samplePage('https://sampleton.example/', { rendered: true });
    const other = samplePage('https://sampleton.example/services', { depth: 1 });
    record(page);
    record(other);
    const axe = sampleAxe();
    const updated: PageCapture = {
      ...page.capture,
      title: 'Updated title',
      render: {
        ...page.capture.render!,
        axe: { ...axe, violations: axe.violations.slice(0, 1), incomplete: [] },
      },
    };
    record({ capture: updated, artifacts: page.artifacts });
    // Order of first recording is kept; the content is the latest.
    expect(repos.pages.listCaptures(runId)).toStrictEqual([updated, other.capture]);
    expect(count(t, 'axe_runs')).toBe(1);
    expect(count(t, 'axe_findings')).toBe(1);
    // A re-recording without a render drops the old axe rows rather than leaving orphans.
    record({ capture: { ...updated, rendered: false, render: undefined }, artifacts: page.artifacts });
    expect(count(t, 'axe_runs')).toBe(0);
    expect(count(t, 'axe_findings')).toBe(0);
  });

  it('refuses a page pointing at an artifact the store does not hold', () => {
    const page = samplePage('https://sampleton.example/');
    expect(() => repos.pages.upsert(runId, page.capture)).toThrow(/FOREIGN KEY/);
    expect(repos.pages.count(runId)).toBe(0);
  });
});
