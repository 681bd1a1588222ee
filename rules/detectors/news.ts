import { defineDetector } from '../../src/core/index.ts';
import { newsContent, newsFeeds } from '../_shared/content-dates.ts';
import { elementEvidence } from '../_shared/evidence.ts';
import { okPortalPages } from '../_shared/pages.ts';
import { met } from '../_shared/result.ts';
import { evaluateTopic, type TopicDetectorSpec } from '../_shared/topic-detector.ts';

const SPEC: TopicDetectorSpec = {
  topic: 'news',
  // The news section is a news page by construction.
  pageRoles: ['news', 'project', 'faq'],
  concepts: ['news'],
  content: newsContent,
};

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: SPEC.concepts,
  },
  detect(site) {
    const result = evaluateTopic(SPEC, site);
    if (result.outcome === 'met' || result.outcome === 'not_applicable') return result;
    // A feed announced in a page head (usually the home page) is a news channel by itself.
    for (const page of okPortalPages(site)) {
      const feed = newsFeeds(page)[0];
      if (feed) {
        return met(0.75, `The portal announces a news feed: "${feed.title || feed.href}".`, [
          elementEvidence(
            page,
            'link[rel=alternate]',
            `${feed.title || '(untitled feed)'} → ${feed.href}`,
            'feed in the page head',
          ),
        ]);
      }
    }
    return result;
  },
});
