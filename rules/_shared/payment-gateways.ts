/**
 * Hosts of payment gateways and government payment platforms: a link or form posting to one of
 * them is an online payment, whatever its text says. Registrable domain or exact host.
 */
const GATEWAY_HOSTS = [
  // Government payment platforms
  'pagopa.gov.it',
  'checkout.pagopa.it',
  'payfip.gouv.fr',
  'tipi.budget.gouv.fr',
  'payments.service.gov.uk',
  'pay.gov',
  'pay.gov.sg',
  'govpay.net',
  'paygov.us',
  'pagamentos.gov.pt',
  'pagtesouro.tesouro.gov.br',
  // Card acquirers and checkout services
  'paypal.com',
  'stripe.com',
  'checkout.stripe.com',
  'adyen.com',
  'worldpay.com',
  'braintreegateway.com',
  'authorize.net',
  'paymentus.com',
  'squareup.com',
  'square.link',
  'redsys.es',
  'sis.redsys.es',
  'mercadopago.com',
  'pagseguro.uol.com.br',
  'paybox.com',
  'payzen.eu',
  'nexi.it',
  'razorpay.com',
  'payu.com',
  'paystack.com',
  'flutterwave.com',
  'alipay.com',
  'tenpay.com',
  'yoomoney.ru',
  'payment.sberbank.ru',
] as const;

const HOSTS: ReadonlySet<string> = new Set(GATEWAY_HOSTS);

/** Whether a URL's host (or one of its parent domains) is a known payment gateway. */
export function isPaymentGatewayUrl(url: string): boolean {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    host = u.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  const parts = host.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    if (HOSTS.has(parts.slice(i).join('.'))) return true;
  }
  return false;
}
