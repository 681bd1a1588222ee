import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Repositories, repositories } from '../../db/index.ts';
import { InvalidRecordError, Recorder } from '../../queue/recorder.ts';
import type { IndicatorResult, SearchProbeArtifact } from '../../src/core/index.ts';
import { artifactOf, sampleCrawlEnd, samplePage, SAMPLE_TARGET as TARGET } from '../db/sample-capture.ts';
import { createTestStore, type TestStore } from '../helpers/test-db.ts';

const END = sampleCrawlEnd(2);

describe('Recorder', () => {
  let t: TestStore;
  let repos: Repositories;
  let recorder: Recorder;
  let runId: number;

  const count = (table: string) =>
    t.store.db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`))?.n;

  beforeEach(() => {
    t = createTestStore();
    repos = repositories(t.store);
    recorder = new Recorder(t.store);
    runId = recorder.startRun({ target: TARGET, catalogId: 'losi-2024', options: { render: 'auto' } });
  });
  afterEach(() => t.cleanup());

  it('starts a new run of the same target on every audit', () => {
    const second = recorder.startRun({ target: TARGET, catalogId: 'losi-2024' });
    expect(second).not.toBe(runId);
    expect(recorder.targetIdOfRun(second)).toBe(recorder.targetIdOfRun(runId));
    expect(repos.runs.get(runId)).toMatchObject({
      status: 'running',
      homeUrl: TARGET.url,
      options: { render: 'auto' },
    });
    const campaign = repos.campaigns.create({ name: 'survey', catalogId: 'losi-2024' });
    const inCampaign = recorder.startRun({
      target: TARGET,
      campaignId: campaign,
      round: 2,
      catalogId: 'losi-2024',
    });
    expect(repos.runs.get(inCampaign)).toMatchObject({ campaignId: campaign, round: 2 });
    expect(recorder.targetIdOfRun(inCampaign)).not.toBe(recorder.targetIdOfRun(runId));
  });

  it('records a page with its artifacts once, however often it is emitted', async () => {
    const page = samplePage(TARGET.url, { rendered: true });
    await recorder.emit({ type: 'page', runId, ...page });
    await recorder.emit({ type: 'page', runId, ...page });
    expect(repos.pages.listCaptures(runId)).toStrictEqual([page.capture]);
    expect(count('artifacts')).toBe(2);
    expect(t.store.artifacts.get(page.capture.htmlHash!)?.equals(Buffer.from(page.artifacts[0]!.data))).toBe(
      true,
    );
  });

  it('accepts records as they travel through a queue (JSON, bytes as base64 or Buffer JSON)', async () => {
    const a = samplePage(TARGET.url, { rendered: true });
    const b = samplePage(`${TARGET.url}contact`, { depth: 1 });
    const asBase64 = {
      type: 'page',
      runId,
      capture: a.capture,
      artifacts: a.artifacts.map((x) => ({ ...x, data: Buffer.from(x.data).toString('base64') })),
    };
    // JSON.stringify turns a Buffer into { type: 'Buffer', data: [...] }.
    const asBufferJson = {
      type: 'page',
      runId,
      capture: b.capture,
      artifacts: b.artifacts.map((x) => ({ ...x, data: Buffer.from(x.data) })),
    };
    await recorder.emit(JSON.parse(JSON.stringify(asBase64)));
    await recorder.emit(JSON.parse(JSON.stringify(asBufferJson)));
    expect(repos.pages.listCaptures(runId)).toStrictEqual([a.capture, b.capture]);
    for (const x of [...a.artifacts, ...b.artifacts]) {
      expect(t.store.artifacts.get(x.hash)?.equals(Buffer.from(x.data))).toBe(true);
    }
  });

  it('rejects malformed records and writes nothing', async () => {
    const page = samplePage(TARGET.url);
    const bad: unknown[] = [
      { type: 'page', runId, capture: { ...page.capture, status: 'exploded' }, artifacts: page.artifacts },
      { type: 'page', runId, capture: { ...page.capture, links: 'none' }, artifacts: page.artifacts },
      { type: 'page', runId: 'one', capture: page.capture, artifacts: page.artifacts },
      {
        type: 'page',
        runId,
        capture: page.capture,
        artifacts: [{ ...page.artifacts[0], hash: '../../etc/passwd' }],
      },
      { type: 'site-artifact', runId, kind: 'robots', data: { url: 'x' }, artifacts: [] },
      { type: 'site-artifact', runId, kind: 'favicon', data: {}, artifacts: [] },
      { type: 'crawl-end', runId, end: { ...END, stopReason: 'bored' } },
      { type: 'screenshot', runId },
      null,
    ];
    for (const record of bad) await expect(recorder.emit(record)).rejects.toThrow(InvalidRecordError);
    await expect(
      recorder.emit({ type: 'page', runId, capture: { ...page.capture, status: 'exploded' }, artifacts: [] }),
    ).rejects.toThrow(/status/);
    expect(count('pages')).toBe(0);
    expect(count('artifacts')).toBe(0);
    expect(count('site_artifacts')).toBe(0);
    expect(repos.runs.get(runId)?.status).toBe('running');
  });

  it('rejects a page whose artifacts are missing or forged, leaving the store unchanged', async () => {
    const page = samplePage(TARGET.url, { rendered: true });
    await expect(
      recorder.emit({ type: 'page', runId, capture: page.capture, artifacts: [page.artifacts[0]] }),
    ).rejects.toThrow(/neither sent with it nor stored/);
    const forged = { ...page.artifacts[1]!, data: Buffer.from('other bytes') };
    await expect(
      recorder.emit({ type: 'page', runId, capture: page.capture, artifacts: [page.artifacts[0], forged] }),
    ).rejects.toThrow(/hash mismatch/);
    expect(count('pages')).toBe(0);
    expect(count('artifacts')).toBe(0);
    // Artifacts stored earlier need not be sent again.
    await recorder.emit({ type: 'page', runId, ...page });
    await recorder.emit({ type: 'page', runId, capture: { ...page.capture, title: 'again' }, artifacts: [] });
    expect(repos.pages.listCaptures(runId)[0]?.title).toBe('again');
  });

  it('rejects records for a run the store does not hold', async () => {
    const page = samplePage(TARGET.url);
    await expect(recorder.emit({ type: 'page', runId: runId + 1, ...page })).rejects.toThrow(/No run/);
    await expect(recorder.emit({ type: 'crawl-end', runId: runId + 1, end: END })).rejects.toThrow(/No run/);
  });

  it('records site artifacts idempotently, with their screenshots', async () => {
    const shot = artifactOf('screenshot', 'image/jpeg', Buffer.from('results page jpeg'));
    const result = {
      query: 'tax',
      resultsUrl: 'https://sampleton.example/search?q=tax',
      status: 'ok' as const,
      httpStatus: 200,
      title: 'Search',
      textLength: 1200,
      queryOccurrences: 8,
      mainLinkCount: 10,
      snippet: '… local tax …',
      screenshot: shot.hash,
    };
    const probe: SearchProbeArtifact = {
      pageUrl: TARGET.url,
      formSelector: 'header > form',
      inputName: 'q',
      via: 'browser',
      real: result,
      nonsense: { ...result, query: 'zqxv', queryOccurrences: 0, screenshot: null },
    };
    await recorder.emit({
      type: 'site-artifact',
      runId,
      kind: 'searchProbe',
      data: probe,
      artifacts: [shot],
    });
    await recorder.emit({
      type: 'site-artifact',
      runId,
      kind: 'searchProbe',
      data: probe,
      artifacts: [shot],
    });
    expect(count('site_artifacts')).toBe(1);
    expect(repos.siteArtifacts.getAll(runId)).toStrictEqual({ searchProbe: probe });
    expect(t.store.artifacts.has(shot.hash)).toBe(true);
  });

  it('finishes the run on crawl-end, or marks it interrupted', async () => {
    await recorder.emit({ type: 'crawl-end', runId, end: END });
    expect(repos.runs.get(runId)).toMatchObject({
      status: 'finished',
      outcome: 'ok',
      stopReason: 'max_pages',
      pages: 2,
    });
    const other = recorder.startRun({ target: TARGET, catalogId: 'losi-2024' });
    await recorder.emit({ type: 'crawl-end', runId: other, end: { ...END, stopReason: 'interrupted' } });
    expect(repos.runs.get(other)?.status).toBe('interrupted');
  });

  it('records evaluations after validating them', () => {
    const results: IndicatorResult[] = [
      {
        ruleId: 'losi-2024/214-contact',
        code: '214',
        criterion: 'CP',
        method: 'auto',
        ruleVersion: 1,
        outcome: 'met',
        confidence: 0.95,
        message: 'Phone and e-mail on the contact page.',
        evidence: [{ pageUrl: `${TARGET.url}contact`, kind: 'text', snippet: 'Call 311' }],
      },
    ];
    const id = recorder.recordEvaluation(runId, { id: 'losi-2024', version: '2024.1' }, results);
    expect(repos.evaluations.latestForRun(runId)?.id).toBe(id);
    expect(repos.evaluations.latestResults(runId)).toStrictEqual(results);
    expect(() =>
      recorder.recordEvaluation(runId, { id: 'losi-2024', version: '2024.1' }, [
        { ...results[0]!, confidence: 3 },
      ]),
    ).toThrow(InvalidRecordError);
    expect(() =>
      recorder.recordEvaluation(runId, { id: 'losi-2024', version: '2024.1' }, [results[0]!, results[0]!]),
    ).toThrow(/appears twice/);
    expect(repos.evaluations.listForRun(runId)).toHaveLength(1);
  });
});
