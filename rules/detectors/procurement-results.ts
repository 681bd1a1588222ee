import { defineDetector } from '../../src/core/index.ts';
import { linkEvidence, textEvidence } from '../_shared/evidence.ts';
import { foldedPageText } from '../_shared/folded-captures.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { okPortalPages } from '../_shared/pages.ts';
import { met } from '../_shared/result.ts';
import { snippetAround } from '../_shared/snippet.ts';
import { evaluateTopic, type TopicDetectorSpec } from '../_shared/topic-detector.ts';
import { conceptMatcher } from '../lexicons/index.ts';

const SPEC: TopicDetectorSpec = {
  topic: 'procurement results',
  concepts: ['procurementAwards'],
  hints: ['procurementAwards', 'procurement'],
  linkSuffices: true,
};

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: SPEC.hints,
  },
  detect(site) {
    const result = evaluateTopic(SPEC, site);
    if (result.outcome === 'met' || result.outcome === 'not_applicable') return result;
    // Awards often sit on the procurement page itself ("Awarded to …", a results table).
    const awards = conceptMatcher('procurementAwards');
    for (const m of findConceptLinks(okPortalPages(site), 'procurement').matches.slice(0, 5)) {
      const { page, ok } = linkTarget(site, m.link);
      if (!page || !ok) continue;
      const folded = foldedPageText(page);
      const hit = awards.findFolded(folded);
      if (hit) {
        return met(0.75, `The procurement page reports awarded contracts ("${hit.term}").`, [
          linkEvidence(m.page, m.link, `link to procurement (matched "${m.term}")`),
          textEvidence(
            page,
            snippetAround(folded, hit.index, hit.term.length),
            'award results on the procurement page',
          ),
        ]);
      }
    }
    return result;
  },
});
