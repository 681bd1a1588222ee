export const DETECTOR_KINDS = ['topic', 'service', 'custom'] as const;
export type DetectorKind = (typeof DETECTOR_KINDS)[number];

function words(feature: string): string {
  return feature.replace(/-/g, ' ');
}

/** A new detector's source: compiles as written; its fixtures fail until the feature is described. */
export function detectorSource(feature: string, kind: DetectorKind): string {
  if (kind === 'topic') {
    return `import { defineTopicDetector } from '../_shared/topic-detector.ts';

/** Information on ${words(feature)}: a page or section on it, reached from the portal. */
export default defineTopicDetector({
  topic: '${words(feature)}',
  // Lexicon concepts naming the feature, listed in rules/lexicons/concepts.json, with words in every language file.
  concepts: [],
});
`;
  }
  if (kind === 'service') {
    return `import { defineServiceDetector } from '../_shared/service-detector.ts';

/** ${words(feature)} offered online: a form, a sign-in or a start link to one — not a mention. */
export default defineServiceDetector({
  service: '${words(feature)}',
  // Lexicon concepts naming the service, listed in rules/lexicons/concepts.json, with words in every language file.
  concepts: [],
});
`;
  }
  return `import { defineDetector } from '../../src/core/index.ts';
import { okHome } from '../_shared/pages.ts';
import { homeNotCaptured, notMet } from '../_shared/result.ts';

/** ${words(feature)}: what counts as finding it, and what only mentions it. */
export default defineDetector({
  meta: { requires: ['pages'], version: 1 },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    return notMet(0.5, 'not written yet: ${feature} finds nothing', []);
  },
});
`;
}

export function fixturePage(feature: string, outcome: 'met' | 'not_met'): string {
  const what =
    outcome === 'met'
      ? `a portal home page where ${words(feature)} is found (replace with real markup)`
      : `a portal home page that only mentions ${words(feature)}, or lacks it (replace with real markup)`;
  return `<!doctype html>
<html lang="en">
<head><title>City portal</title></head>
<body>
<main>
<h1>City portal</h1>
<p>TODO: ${what}.</p>
</main>
</body>
</html>
`;
}
