import { describe, expect, it } from 'vitest';
import { evidencePageOf, evidenceReach, formatEvidenceReach } from '../../src/eval/evidence-reach.ts';

describe('evidence reach', () => {
  it("reads the page a label's where starts with", () => {
    expect(evidencePageOf('/privacy.html, linked from the footer')).toBe('/privacy.html');
    expect(evidencePageOf('/index.html?view=contact address and tel:')).toBe('/?view=contact');
    expect(evidencePageOf('/council/#budget table')).toBe('/council/');
    expect(evidencePageOf('http://127.0.0.2/pagamenti.html form')).toBe('http://127.0.0.2/pagamenti.html');
    expect(evidencePageOf('footer links on every page')).toBeNull();
    expect(evidencePageOf(undefined)).toBeNull();
  });

  it('counts met labels whose page was captured ok, on the main site and on external hosts', () => {
    const labels = {
      '234': { met: true, where: '/privacy.html, footer' },
      '214': { met: true, where: '/contact.html address' },
      '215': { met: true, where: '/council/index.html figure' },
      '269a': { met: true, where: 'http://127.0.0.2/pay.html form' },
      '266': { met: true, where: '/jobs.html form' },
      '205': { met: false, where: '/sitemap.html' },
      '273': { met: true, where: 'footer social links' },
    };
    const main = 'http://127.0.0.1:4000';
    const ext = 'http://127.0.0.2:4001';
    const reach = evidenceReach(
      labels,
      [
        { url: `${main}/privacy.html`, finalUrl: `${main}/privacy.html`, status: 'ok' },
        {
          url: `${main}/contact.html`,
          finalUrl: `${main}/contact.html`,
          status: 'ok',
          fetchedFor: 'link-check',
        },
        { url: `${main}/council/`, finalUrl: `${main}/council/`, status: 'ok' },
        { url: `${ext}/pay.html`, finalUrl: `${ext}/pay.html`, status: 'ok' },
        { url: `${main}/jobs.html`, finalUrl: `${main}/jobs.html`, status: 'soft_404' },
      ],
      { [main]: '', [ext]: '127.0.0.2' },
    );
    expect(reach).toEqual({
      labelled: 5,
      reached: 4,
      viaLinkCheck: 1,
      share: 0.8,
      missed: ['/jobs.html'],
    });
    const lines = formatEvidenceReach([{ portal: 'demo', evidenceReach: reach }]);
    expect(lines.join('\n')).toContain('demo: 4/5 = 0.80, 1 by link check; missed /jobs.html');
  });
});
