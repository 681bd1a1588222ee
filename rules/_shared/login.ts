import type { CapturedForm, CapturedLink, PageCapture } from '../../src/core/index.ts';
import { FoldedText } from '../lexicons/folded-text.ts';
import { linkText, pageText } from './folded-captures.ts';
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

/** Longer link texts are headlines ("The new digital ID app is here"), not sign-in buttons. */
const EID_BUTTON_MAX_WORDS = 8;

/**
 * A sign-in button naming a digital-identity scheme: its text has the scheme and a sign-in verb
 * ("Entra con SPID", "S'identifier avec FranceConnect"). "What is SPID?" or "Get a digital
 * identity" name the scheme; they do not sign in.
 */
export function isEidButton(link: CapturedLink): boolean {
  if (link.placeholder || link.text.split(/\s+/).length > EID_BUTTON_MAX_WORDS) return false;
  const text = linkText(link);
  return text.find('eIdScheme') !== null && text.find('loginAction') !== null;
}

/** How far before a scheme's name its sign-in verb may stand ("Accedi con la tua CIE"). */
const VERB_REACH = 30;

/**
 * A sign-in phrase in a page's text: a verb right before a scheme's name ("Entra con SPID"), as
 * a sign-in page shows its buttons. The folded text around it, or null.
 */
export function eidSignInPhrase(page: PageCapture): { index: number; length: number } | null {
  const text = pageText(page);
  for (const scheme of text.findAll('eIdScheme', 10)) {
    const start = Math.max(0, scheme.index - VERB_REACH);
    const before = new FoldedText(text.folded.slice(start, scheme.index));
    const verb = before.find('loginAction');
    if (verb)
      return { index: start + verb.index, length: scheme.index + scheme.term.length - start - verb.index };
  }
  return null;
}
