import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'losi-2024/209-css-validity',
  code: '209',
  criterion: 'TEC',
  title: 'W3C CSS validity',
  definition:
    "The portal's style sheets pass the W3C CSS validator (the UN uses jigsaw.w3.org/css-validator; any error counts as not met).",
  assessorTask:
    "the crawler runs no CSS validator, so the assessor submits the portal's address to the W3C CSS validator (jigsaw) with the default options and counts any error as not met.",
});
