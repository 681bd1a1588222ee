import { defineDetector } from '../../src/core/index.ts';
import { pageEvidence, textEvidence } from '../_shared/evidence.ts';
import { okHome, urlKey } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';

export default defineDetector({
  meta: {
    requires: ['pages', 'markupValidation'],
    version: 1,
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const validation = site.artifacts.markupValidation;
    if (!validation) {
      return needsReview(0.3, 'Not assessable: markup validation did not run.', [
        pageEvidence(home, 'no validation result stored for this run'),
      ]);
    }
    if (!validation.available) {
      const why = validation.reason ?? 'the Nu HTML Checker could not run';
      return needsReview(0.3, `Not assessable: ${why}.`, [
        textEvidence(home, `Markup validation unavailable: ${why}`, 'not assessable', 'html'),
      ]);
    }
    const homeKeys = new Set([home.url, home.finalUrl, ...home.redirects].map(urlKey));
    const result = validation.pages.find((p) => homeKeys.has(urlKey(p.url)));
    if (!result) {
      return needsReview(0.3, 'Not assessable: the home page was not among the validated pages.', [
        pageEvidence(home, `validated pages: ${validation.pages.map((p) => p.url).join(', ') || 'none'}`),
      ]);
    }
    const checker = `Nu HTML Checker${validation.version ? ` ${validation.version}` : ''}`;
    if (result.errors === 0) {
      return met(0.95, `The home page has no markup errors (${checker}; ${result.warnings} warning(s)).`, [
        pageEvidence(home, `${checker}: 0 errors, ${result.warnings} warnings`),
      ]);
    }
    const errors = result.messages.filter((m) => m.type === 'error').slice(0, 5);
    const evidence = errors.map((m) =>
      textEvidence(
        home,
        `${m.line ? `line ${m.line}: ` : ''}${m.message}${m.extract ? ` — ${m.extract}` : ''}`,
        'markup error',
        'html',
      ),
    );
    return notMet(
      0.95,
      `The home page has ${result.errors} markup error(s) (${checker}).`,
      evidence.length ? evidence : [pageEvidence(home, `${result.errors} errors`)],
    );
  },
});
