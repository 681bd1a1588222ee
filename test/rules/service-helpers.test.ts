import { describe, expect, it } from 'vitest';
import { extractPage } from '../../crawlers/extract/extract-page.ts';
import { chatWidgetOf } from '../../rules/_shared/chat-widgets.ts';
import { isPaymentGatewayUrl } from '../../rules/_shared/payment-gateways.ts';
import {
  formTopic,
  isLoginForm,
  isPaymentForm,
  isServiceForm,
  loginAffordance,
} from '../../rules/_shared/service-forms.ts';
import { matchesConcept } from '../../rules/lexicons/index.ts';
import { foldText, type PageCapture } from '../../src/core/index.ts';

const URL = 'https://city.example/services/';

function pageOf(body: string): PageCapture {
  const extract = extractPage(`<!doctype html><html lang="en"><body>${body}</body></html>`, URL, {
    isSameSite: (u) => u.startsWith('https://city.example/'),
  });
  return {
    url: URL,
    finalUrl: URL,
    redirects: [],
    status: 'ok',
    httpStatus: 200,
    headers: {},
    contentType: 'text/html',
    bytes: body.length,
    fetchedAt: '2026-01-01T00:00:00.000Z',
    fetchMs: 1,
    site: 'portal',
    depth: 1,
    linkPath: [{ url: 'https://city.example/', text: '' }],
    htmlHash: null,
    rendered: false,
    ...extract,
  };
}

describe('form capture for service rules', () => {
  it('keeps select options and the heading a form sits under', () => {
    const page = pageOf(`
      <h1>Register office</h1><h2>Order a certificate online</h2>
      <form action="order" method="post">
        <label for="t">Certificate</label>
        <select id="t" name="type"><option>Birth certificate</option><option> Death
          certificate </option></select>
        <button>Continue</button>
      </form>
      <form aria-label="Newsletter"><input type="email" name="e"></form>
      <form><fieldset><legend>Your details</legend><input name="n"></fieldset></form>`);
    const [order, newsletter, details] = page.forms;
    expect(order?.heading).toBe('Order a certificate online');
    expect(order?.fields[0]?.options).toEqual(['Birth certificate', 'Death certificate']);
    expect(newsletter?.heading).toBe('Newsletter');
    // The nearest heading before the form wins over its legend.
    expect(details?.heading).toBe('Order a certificate online');
    expect(
      pageOf('<form><fieldset><legend>Your details</legend><input name="n"></fieldset></form>').forms[0]
        ?.heading,
    ).toBe('Your details');
    expect(pageOf('<form><input name="n"></form>').forms[0]?.heading).toBeUndefined();
  });
});

describe('service form classification', () => {
  const page = pageOf(`
    <form role="search" action="/search"><input type="search" name="q"><button>Search</button></form>
    <h2>Sign up to our newsletter</h2>
    <form action="/news"><input type="email" name="email"><input type="text" name="name"><button>Subscribe</button></form>
    <h2>Sign in</h2>
    <form action="/login" method="post"><input name="user"><input type="password" name="pw"><button>Sign in</button></form>
    <h2>Apply for a building permit</h2>
    <form action="/permits/apply" method="post"><input name="address"><input type="file" name="plans"><button>Submit</button></form>
    <h2>Track your request</h2>
    <form action="/track"><input name="ref"><button>Track</button></form>
    <h2>Pay a parking fine online</h2>
    <form action="/fines/pay" method="post"><input name="pcn"><input name="vrm" aria-label="Vehicle registration number"><button>Continue to payment</button></form>
    <h2>Card details</h2>
    <form action="/checkout" method="post"><input name="cc-number"><input name="cvv"><button>OK</button></form>`);
  const [search, newsletter, login, permit, track, fine, card] = page.forms;

  it('tells service forms from search, newsletter and sign-in forms', () => {
    expect(isServiceForm(page, search!)).toBe(false);
    expect(isServiceForm(page, newsletter!)).toBe(false);
    expect(isServiceForm(page, login!)).toBe(false);
    expect(isLoginForm(login!)).toBe(true);
    expect(isServiceForm(page, permit!)).toBe(true);
    // One field is a service only when the form names what it starts.
    expect(isServiceForm(page, track!)).toBe(false);
    expect(isServiceForm(page, track!, true)).toBe(true);
  });

  it('recognises payment forms and where a form names a service', () => {
    expect(isPaymentForm(fine!)).toBe(true);
    expect(isPaymentForm(card!)).toBe(true);
    expect(isPaymentForm(permit!)).toBe(false);
    expect(formTopic(permit!, ['buildingPermit'])).toMatchObject({
      where: 'own',
      term: 'building permit',
    });
    expect(formTopic(fine!, ['fine'])).toMatchObject({ where: 'own' });
    // "Vehicle registration number" is a field of a fine, not vehicle registration.
    expect(formTopic(fine!, ['vehicleRegistration'])).toBeNull();
  });

  it('finds a sign-in on an e-service platform page', () => {
    expect(loginAffordance(page)?.form).toBe(login);
    const linkOnly = pageOf('<a href="https://id.example/login">Entra con SPID</a>');
    expect(loginAffordance(linkOnly)?.link?.text).toBe('Entra con SPID');
    expect(loginAffordance(pageOf('<a href="#">Sign in</a>'))).toBeNull();
  });
});

describe('payment gateways and chat widgets', () => {
  it('knows payment gateway hosts and their subdomains only', () => {
    expect(isPaymentGatewayUrl('https://checkout.pagopa.it/')).toBe(true);
    expect(isPaymentGatewayUrl('https://www.paypal.com/cgi-bin/webscr')).toBe(true);
    expect(isPaymentGatewayUrl('https://sis.redsys.es/sis/realizarPago')).toBe(true);
    expect(isPaymentGatewayUrl('https://notpaypal.com/')).toBe(false);
    expect(isPaymentGatewayUrl('https://city.example/pay')).toBe(false);
    expect(isPaymentGatewayUrl('mailto:pay@paypal.com')).toBe(false);
  });

  it('tells chatbot platforms from live-chat tools', () => {
    expect(chatWidgetOf('cdn.botpress.cloud')).toMatchObject({ kind: 'bot', vendor: 'Botpress' });
    expect(chatWidgetOf('widget.intercom.io')).toMatchObject({ kind: 'live', vendor: 'Intercom' });
    expect(chatWidgetOf('embed.tawk.to:443')).toMatchObject({ kind: 'live' });
    expect(chatWidgetOf('cdn.example.com')).toBeNull();
  });
});

describe('service vocabulary', () => {
  it('matches typographic apostrophes and keeps false friends out', () => {
    expect(foldText('Facture d’eau')).toBe("facture d'eau");
    expect(matchesConcept('waterBill', 'Payer ma facture d’eau')).toBe(true);
    expect(matchesConcept('budget', 'Budget participatif 2026')).toBe(false);
    expect(matchesConcept('participatoryBudget', 'Budget participatif 2026')).toBe(true);
    expect(matchesConcept('fine', 'Read the fine print')).toBe(false);
    expect(matchesConcept('birthCertificate', 'شهادة الميلاد')).toBe(true);
    expect(matchesConcept('buildingPermit', '建筑许可办理')).toBe(true);
    expect(matchesConcept('addressChange', 'Смена адреса')).toBe(true);
  });
});
