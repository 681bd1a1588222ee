import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'giving an opinion online (consultation, poll or petition)',
  concepts: ['peOpinion'],
  hints: ['peOpinion', 'svcStartOnline'],
  messageFormsCount: true,
});
