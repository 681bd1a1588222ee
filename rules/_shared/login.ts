import type { CapturedForm, CapturedLink, PageCapture } from '../../src/core/index.ts';
import { memoizePerUrl, parseUrl } from './link-facts.ts';

/**
 * Authorisation endpoints of OpenID Connect / OAuth 2, SAML and CAS single sign-on: a link there
 * starts a login with an identity provider (a national e-ID, the portal's own SSO).
 */
const SSO_PATH = /\/(oauth2?|openid[-_]?connect|oidc|saml2?|sso|cas\/login|adfs\/ls)(\/|$)/i;
const SSO_QUERY = /[?&](client_id|redirect_uri|SAMLRequest|response_type)=/i;

export function isSsoUrl(url: string): boolean {
  return isSsoTarget(parseUrl(url));
}

function isSsoTarget(u: URL | null): boolean {
  return u !== null && (SSO_PATH.test(u.pathname) || SSO_QUERY.test(u.search));
}

/** isSsoUrl of a link's target, once per distinct link. */
const isSsoLink = memoizePerUrl(isSsoTarget);

/** A form with a password field: a login (or account creation) form. */
export function passwordForm(page: PageCapture): CapturedForm | undefined {
  return page.forms.find((form) => form.fields.some((field) => field.type === 'password'));
}

/** Links of a page that start a single sign-on. */
export function ssoLinks(page: PageCapture): CapturedLink[] {
  return page.links.filter((link) => !link.placeholder && isSsoLink(link));
}
