import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repositories } from '../../db/index.ts';
import { Recorder } from '../../queue/recorder.ts';
import { judgeOnce, recordEndAndEvaluate } from '../../src/campaign/record-end.ts';
import { sampleCrawlEnd, samplePage, SAMPLE_TARGET as TARGET } from '../db/sample-capture.ts';
import { createTestStore, type TestStore } from '../helpers/test-db.ts';

const END = sampleCrawlEnd(1);

/** Several coordinators share a store: a run is judged by one of them only. */
describe('judging a run once', () => {
  let t: TestStore;
  let recorder: Recorder;
  let runId: number;

  beforeEach(() => {
    t = createTestStore();
    recorder = new Recorder(t.store);
    runId = recorder.startRun({ target: TARGET, catalogId: 'losi-2024', options: { render: 'none' } });
    recorder.write({ type: 'page', runId, ...samplePage(TARGET.url) });
  });
  afterEach(() => t.cleanup());

  it('writes no second evaluation when another coordinator judged the run meanwhile', () => {
    const first = recordEndAndEvaluate(t.store, recorder, runId, END);
    expect(first.evaluationId).not.toBeNull();
    // A second coordinator's leftover pass, which had seen the run unjudged.
    expect(judgeOnce(t.store, recorder, runId, 'losi-2024')).toBeNull();
    expect(repositories(t.store).evaluations.listForRun(runId)).toHaveLength(1);
  });

  it('judges a run again when a different crawl end is recorded later', () => {
    recordEndAndEvaluate(t.store, recorder, runId, END);
    const later = recordEndAndEvaluate(t.store, recorder, runId, {
      ...END,
      finishedAt: '2026-11-22T10:05:00.000Z',
    });
    expect(later.evaluationId).not.toBeNull();
    expect(repositories(t.store).evaluations.listForRun(runId)).toHaveLength(2);
  });
});
