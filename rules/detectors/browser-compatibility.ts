import { defineDetector } from '../../src/core/index.ts';
import { elementEvidence, pageEvidence } from '../_shared/evidence.ts';
import { okHome } from '../_shared/pages.ts';
import { homeNotCaptured, needsReview, notMet } from '../_shared/result.ts';

/** Less visible text than this, and no link, is a blank page. */
const BLANK_TEXT = 20;

export default defineDetector({
  meta: {
    requires: ['pages', 'render'],
    version: 1,
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const render = home.render;
    if (!home.rendered || !render) {
      return {
        outcome: 'not_applicable',
        confidence: 1,
        evidence: [],
        message:
          'Not assessable: the home page was not rendered in a browser in this run; the assessor checks the portal in the three most used browsers.',
      };
    }
    const errors = render.consoleErrors;
    const errorList = errors.slice(0, 3).join(' | ');
    const blank = home.text.trim().length < BLANK_TEXT && home.links.length === 0;
    if (blank && errors.length > 0) {
      return notMet(
        0.7,
        `The home page renders blank in Chromium (the engine of Chrome and Edge) with ${errors.length} script error(s).`,
        [
          elementEvidence(
            home,
            'body',
            `Console errors: ${errorList}`,
            'blank page after rendering in Chromium',
          ),
        ],
      );
    }
    const shown = `${home.text.length} characters of text, ${home.links.length} links`;
    const consoleNote =
      errors.length > 0 ? `${errors.length} console error(s): ${errorList}` : 'no console errors';
    return needsReview(
      blank ? 0.4 : 0.5,
      `Rendered in Chromium only (${blank ? 'blank page' : shown}; ${consoleNote}); the other most used browsers (Firefox, Safari) were not tested.`,
      [pageEvidence(home, `rendered in Chromium: ${shown}; ${consoleNote}`)],
    );
  },
});
