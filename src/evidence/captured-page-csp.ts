/**
 * The policy every stored page is shown under (the /captures route and the offline highlight render):
 * `sandbox` without allow-scripts or allow-same-origin gives the document an opaque origin, runs no
 * script, submits no form and blocks `<meta http-equiv=refresh>`; `default-src 'none'` fetches nothing
 * (the captured page's own CSS and images would reach the portal and reveal the assessor), inline
 * styles and data: images still render.
 */
export const CAPTURED_PAGE_CSP = [
  'sandbox',
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');
