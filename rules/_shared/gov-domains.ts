/**
 * Host-name shapes of government sites: reserved government second-level domains (.gov, .gob.mx,
 * .gouv.fr, .go.jp, .govt.nz, .admin.ch, .gv.at…) and the usual municipal naming of countries where
 * cities sit on ordinary domains (comune.x.it, cm-x.pt, ville-x.fr, ayto-x.es…).
 */

export interface GovDomain {
  kind: 'government' | 'municipal';
  /** Which shape matched, for the evidence. */
  pattern: string;
}

const GOVERNMENT: readonly [RegExp, string][] = [
  [/\.gov$/, '.gov'],
  [/\.mil$/, '.mil'],
  [/\.gov\.[a-z]{2}$/, '.gov.<country>'],
  [/\.(?:[a-z]{2}\.)gov\.[a-z]{2}$/, '<state>.gov.<country>'],
  [/\.gob\.[a-z]{2}$/, '.gob.<country>'],
  [/\.gouv\.[a-z]{2}$/, '.gouv.<country>'],
  [/\.go\.[a-z]{2}$/, '.go.<country>'],
  [/\.govt\.[a-z]{2}$/, '.govt.<country>'],
  [/\.gub\.uy$/, '.gub.uy'],
  [/\.admin\.ch$/, '.admin.ch'],
  [/\.gv\.at$/, '.gv.at'],
  [/\.gc\.ca$/, '.gc.ca'],
  [/\.gov\.[a-z]{2}\.[a-z]{2}$/, '.gov.<region>.<country>'],
  [/\.(?:[a-z]{2})\.us$/, '<place>.<state>.us'],
  [/\.leg\.br$/, '.leg.br'],
  [/\.bund\.de$/, '.bund.de'],
  [/\.europa\.eu$/, '.europa.eu'],
  [/(^|\.)gov\.[a-z]{2,3}$/, 'gov.<country>'],
];

const MUNICIPAL: readonly [RegExp, string][] = [
  [/(^|\.)comune\.[a-z0-9-]+(\.[a-z]{2})?\.it$/, 'comune.<name>.it'],
  [/(^|\.)(citta|provincia|regione)\.[a-z0-9-]+\.it$/, '<entity>.<name>.it'],
  [/(^|\.)cm-[a-z0-9-]+\.pt$/, 'cm-<name>.pt'],
  [/(^|\.)(ville|mairie|commune|agglo|metropole)-[a-z0-9-]+\.fr$/, 'ville-<name>.fr'],
  [/(^|\.)(ayto|ayuntamiento|ajuntament|concello|udala)-?[a-z0-9-]+\.(es|cat|eus|gal)$/, 'ayto<name>.es'],
  [/(^|\.)(ayto|ayuntamiento|ajuntament|concello|udala)\.[a-z0-9-]+\.(es|cat|eus|gal)$/, 'ayto.<name>.es'],
  [/(^|\.)(municipalidad|municipio)[a-z0-9-]*\.[a-z]{2,3}(\.[a-z]{2})?$/, 'municipalidad<name>'],
  [/(^|\.)muni[a-z0-9-]+\.cl$/, 'muni<name>.cl'],
  [/(^|\.)prefeitura\.[a-z0-9-]+/, 'prefeitura.<name>'],
  [/(^|\.)(stadt|gemeinde|gemeente|kommune|kommun)[-.][a-z0-9-]+\.[a-z]{2}$/, 'stadt-<name>'],
  [/(^|\.)(cityof|townof|ci\.)[a-z0-9-]+\./, 'cityof<name>'],
];

const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])$/i;

/** Whether the host is an IP address (a fixture or an intranet): it shows no domain pattern. */
export function isIpHost(host: string): boolean {
  return IP_HOST.test(host) || host === 'localhost';
}

/** The government shape of a host name, or null. */
export function govDomainOf(host: string): GovDomain | null {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/:\d+$/, '');
  if (isIpHost(h)) return null;
  for (const [re, pattern] of GOVERNMENT) if (re.test(h)) return { kind: 'government', pattern };
  for (const [re, pattern] of MUNICIPAL) if (re.test(h)) return { kind: 'municipal', pattern };
  return null;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
