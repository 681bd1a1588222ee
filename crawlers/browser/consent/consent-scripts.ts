/** In-page code of the autoconsent bridge (plain JavaScript source; see ../in-page.ts for why). */

/**
 * True when the page might show a consent dialog: its text names cookies or consent in one of the
 * lexicon languages (or German), or a frame is on top of it. Cheap (textContent needs no layout),
 * so that pages without any such word skip the consent library altogether.
 */
export const CONSENT_LIKELY = `() => {
  const text = (document.body && document.body.textContent || '').slice(0, 200000);
  return /cookie|consent|rgpd|gdpr|galleta|biscoito|einwillig|куки|согласи|ملفات تعريف الارتباط|كوكيز/i.test(text);
}`;

/**
 * The bridge: the library sends its messages through `window.autoconsentSendMessage`; they are kept
 * in a list that Node drains (no binding is installed on the page).
 */
export const INSTALL_INBOX = `() => {
  if (window.__paConsentInbox) return false;
  Object.defineProperty(window, '__paConsentInbox', { value: [] });
  window.autoconsentSendMessage = (message) => {
    try {
      if (window.__paConsentInbox.length < 500) window.__paConsentInbox.push(JSON.parse(JSON.stringify(message)));
    } catch (e) {}
    return Promise.resolve();
  };
  return true;
}`;

export const DRAIN_INBOX = `() => (window.__paConsentInbox ? window.__paConsentInbox.splice(0) : [])`;

export const SEND_TO_LIBRARY = `(message) => {
  if (typeof window.autoconsentReceiveMessage === 'function') window.autoconsentReceiveMessage(message);
  return true;
}`;
