import { describe, expect, it } from 'vitest';
import { InvalidRecordError, parseCrawlRecord } from '../../queue/recorder/record-schema.ts';
import type { PagePerformance } from '../../src/core/index.ts';
import { samplePage } from '../db/sample-capture.ts';

const PERFORMANCE: PagePerformance = {
  ttfbMs: 120,
  lcpMs: 1840,
  lcpElement: '#hero > img',
  cls: 0.12,
  tbtMs: 230,
  requests: 48,
  transferBytes: 1_250_000,
  thirdParty: [{ host: 'www.googletagmanager.com', requests: 3, bytes: 98_000 }],
  mixedContent: [{ url: 'http://cdn.example/widget.js', resourceType: 'script', active: true }],
  cookies: [
    {
      name: 'sid',
      domain: 'www.city.gov.xx',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      thirdParty: false,
      expiresInDays: null,
    },
    {
      name: '_ga',
      domain: '.city.gov.xx',
      secure: false,
      httpOnly: false,
      sameSite: null,
      thirdParty: false,
      expiresInDays: 399.9,
    },
  ],
};

function pageRecord(performance: unknown) {
  const { capture } = samplePage('https://www.city.gov.xx/', { rendered: true });
  return {
    type: 'page',
    runId: 1,
    capture: { ...capture, render: { ...capture.render, performance } },
    artifacts: [],
  };
}

describe('the recorder schema of RenderCapture.performance', () => {
  it('keeps a page performance from a queue as it was', () => {
    const record = parseCrawlRecord(pageRecord(PERFORMANCE));
    expect(record.type === 'page' && record.capture.render?.performance).toEqual(PERFORMANCE);
  });

  it('accepts a rendered page without one (older captures, a failed measurement)', () => {
    const { capture } = samplePage('https://www.city.gov.xx/', { rendered: true });
    const record = parseCrawlRecord({ type: 'page', runId: 1, capture, artifacts: [] });
    expect(record.type === 'page' && record.capture.render?.performance).toBeUndefined();
  });

  it('rejects a malformed one', () => {
    const badCookie = { ...PERFORMANCE.cookies[0], sameSite: 'lax' };
    expect(() => parseCrawlRecord(pageRecord({ ...PERFORMANCE, cookies: [badCookie] }))).toThrow(
      InvalidRecordError,
    );
    expect(() => parseCrawlRecord(pageRecord({ ...PERFORMANCE, cls: -1 }))).toThrow(InvalidRecordError);
    expect(() => parseCrawlRecord(pageRecord({ ...PERFORMANCE, requests: undefined }))).toThrow(
      InvalidRecordError,
    );
  });
});
