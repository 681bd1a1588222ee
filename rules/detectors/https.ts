import { certificateDefect, defineDetector, type HostTransport } from '../../src/core/index.ts';
import { pageEvidence } from '../_shared/evidence.ts';
import { okHome, pageUrlOf } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';

/** What a browser would warn about on the portal's certificate, or null (also when it was not checked). */
function certificateWarning(portal: HostTransport | undefined): string | null {
  const defect = portal?.tls ? certificateDefect(portal.tls) : null;
  if (!defect) return null;
  if (defect.kind === 'expired') return 'its certificate has expired';
  if (defect.kind === 'wrong_name') return 'its certificate is issued for another name';
  return `its certificate does not verify${defect.verifyError ? ` (${defect.verifyError})` : ''}`;
}

export default defineDetector({
  meta: {
    requires: ['pages', 'transport'],
    version: 2,
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const url = pageUrlOf(home);
    if (url.startsWith('https:')) {
      const host = new URL(url).host;
      const warning = certificateWarning(site.artifacts.transport?.hosts.find((h) => h.host === host));
      if (warning) {
        // The address bar shows https, and a browser warning before it: a person decides.
        return needsReview(
          0.6,
          `The home page is served over HTTPS (${url}), but ${warning}: browsers warn.`,
          [pageEvidence(home, `final URL uses https; ${warning}`)],
        );
      }
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
