import { defineRule } from '../../src/core/index.ts';
import { pageEvidence } from '../_shared/evidence.ts';
import { okHome, pageUrlOf } from '../_shared/pages.ts';
import { homeNotCaptured, met, notMet } from '../_shared/result.ts';

export default defineRule({
  meta: {
    id: 'osi-2024/074-https',
    code: '074',
    criterion: 'TEC',
    title: 'Portal uses HTTPS',
    definition: 'The national portal is served over HTTPS, as seen in the address bar.',
    method: 'auto',
    requires: ['pages'],
    version: 1,
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const url = pageUrlOf(home);
    if (url.startsWith('https:')) {
      const upgraded = site.target.url.startsWith('http:') ? ` (${site.target.url} redirects to it)` : '';
      return met(0.95, `The home page is served over HTTPS: ${url}${upgraded}.`, [
        pageEvidence(home, 'final URL of the home page uses https'),
      ]);
    }
    return notMet(0.95, `The home page is served over plain HTTP: ${url}.`, [
      pageEvidence(home, 'final URL of the home page uses http, without a redirect to https'),
    ]);
  },
});
