import { defineDetector, type Evidence } from '../../src/core/index.ts';
import { elementEvidence } from '../_shared/evidence.ts';
import { okHome } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';

export default defineDetector({
  meta: {
    requires: ['pages', 'render'],
    version: 1,
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const viewport = home.meta.viewport;
    const deviceWidth = viewport !== null && /(^|[,;\s])width\s*=\s*device-width/i.test(viewport);
    const viewportItem: Evidence =
      viewport === null
        ? elementEvidence(home, 'head', 'no <meta name="viewport"> element', 'viewport meta missing')
        : elementEvidence(
            home,
            'meta[name="viewport"]',
            `<meta name="viewport" content="${viewport}">`,
            deviceWidth ? 'viewport follows the device width' : 'viewport does not use width=device-width',
          );
    const mobile = home.render?.mobile;

    if (!mobile) {
      return deviceWidth
        ? needsReview(
            0.55,
            'The home page declares a device-width viewport; the page was not rendered to check for horizontal scrolling.',
            [viewportItem],
          )
        : needsReview(
            0.5,
            `The home page ${viewport === null ? 'has no viewport meta' : 'has a viewport meta without width=device-width'}, which usually means a desktop-only layout; the page was not rendered to confirm.`,
            [viewportItem],
          );
    }

    const scroll = `at ${mobile.viewportWidth} px wide the page is ${mobile.scrollWidth} px wide`;
    const scrollItem = elementEvidence(
      home,
      'html',
      scroll,
      mobile.horizontalScroll
        ? 'horizontal scrolling on a phone-sized screen'
        : 'no horizontal scrolling on a phone-sized screen',
    );
    if (deviceWidth && !mobile.horizontalScroll) {
      return met(0.9, `Responsive: device-width viewport and no horizontal scrolling (${scroll}).`, [
        viewportItem,
        scrollItem,
      ]);
    }
    const problems = [
      ...(deviceWidth
        ? []
        : [viewport === null ? 'no viewport meta' : 'viewport without width=device-width']),
      ...(mobile.horizontalScroll ? [`horizontal scrolling (${scroll})`] : []),
    ];
    return notMet(0.9, `Not mobile-friendly: ${problems.join('; ')}.`, [viewportItem, scrollItem]);
  },
});
