import { conceptOnPage } from '../_shared/page-content.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/225a-free-internet-access',
  code: '225a',
  criterion: 'EGL',
  title: 'Free Internet access',
  definition:
    'The portal gives evidence that the city provides free access to the Internet, such as free Wi-Fi in public areas or an agreement with mobile operators.',
  topic: 'free Internet access',
  concepts: ['freeWifi'],
  // Free Wi-Fi is often a paragraph of a digital-inclusion section ("Getting online").
  headingConcepts: ['freeWifi', 'assistedAccess'],
  hints: ['freeWifi', 'assistedAccess'],
  content: (page) => conceptOnPage(page, 'freeWifi', 'free Wi-Fi or free Internet access'),
});
