import { defineDetector } from '../../src/core/index.ts';
import { airReadings } from '../_shared/content-figures.ts';
import { elementEvidence, linkEvidence } from '../_shared/evidence.ts';
import { memoizePerUrl } from '../_shared/link-facts.ts';
import { matchLink } from '../_shared/links.ts';
import { linkOpenFormat } from '../_shared/open-data.ts';
import { okPortalPages } from '../_shared/pages.ts';
import { met } from '../_shared/result.ts';
import { evaluateTopic, type TopicDetectorSpec } from '../_shared/topic-detector.ts';

const SPEC: TopicDetectorSpec = {
  topic: 'air quality',
  concepts: ['airQuality'],
  content: airReadings,
  contentAnywhere: true,
};

const AQ_WIDGET_HOSTS =
  /(^|\.)(waqi\.info|aqicn\.org|iqair\.com|airparif\.fr|atmo-[a-z-]+\.fr|breezometer\.com|purpleair\.com|airnow\.gov)$/i;

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: SPEC.concepts,
  },
  detect(site) {
    const result = evaluateTopic(SPEC, site);
    if (result.outcome === 'met' || result.outcome === 'not_applicable') return result;
    for (const page of okPortalPages(site)) {
      for (const link of page.links) {
        if (link.placeholder) continue;
        const format = linkOpenFormat(link);
        if (format && matchLink(link, ['airQuality'])) {
          return met(0.75, `An air-quality data file (${format}) is published.`, [
            linkEvidence(page, link, `air-quality dataset (${format})`),
          ]);
        }
      }
      const widget = [...page.embeds.iframes, ...page.embeds.scripts].find((h) => AQ_WIDGET_HOSTS.test(h));
      const link = page.links.find((l) => !l.placeholder && isAirQualityServiceLink(l));
      if (widget || link) {
        return met(
          0.7,
          `An air-quality measurement service is ${widget ? `embedded (${widget})` : 'linked'}.`,
          [
            link
              ? linkEvidence(page, link, 'air-quality measurement service')
              : elementEvidence(page, 'iframe, script', `embed from ${widget}`, 'air-quality widget'),
          ],
        );
      }
    }
    return result;
  },
});

/** A link to an air-quality measurement service, judged once per distinct link. */
const isAirQualityServiceLink = memoizePerUrl((u) => AQ_WIDGET_HOSTS.test(u?.hostname ?? ''));
