import type { CapturedLink } from '../../src/core/index.ts';
import { memoizePerUrl, parseUrl } from './link-facts.ts';

/** URL shapes of open-data portals and of datasets in open, machine-readable formats. */

const OPEN_FORMAT_EXT = /\.(csv|tsv|json|geojson|jsonld|xml|ods|txt|kml|rdf|ttl)$/i;
const OPEN_FORMAT_PARAM = /^(csv|tsv|json|geojson|jsonld|xml|ods|txt|kml|rdf|ttl|shp)$/i;
/** Files in those formats that are not data: crawler and feed plumbing. */
const NOT_DATASETS =
  /(^|\/)(sitemap[^/]*|robots|humans|ads|security|manifest|browserconfig|feed|rss|atom)\.(xml|txt|json)$|\/(feed|rss|atom|\.well-known|wp-json|oembed)(\/|$)/i;

const PLATFORM_HOSTS =
  /(^|\.)(opendatasoft\.com|socrata\.com|data\.world|hub\.arcgis\.com|opendata\.arcgis\.com|ckan\.io|dkan\.(?:org|io))$/i;
const DATA_HOST_PREFIX =
  /^(data|datos|dados|donnees|dati|opendata|open-data|ckan|dkan|catalog|catalogo|datastore|daten)\./i;
const DATASET_PATH =
  /\/(datasets?|dataset-list|explore\/dataset|api\/3\/action|api\/records|resource\/[a-z0-9]{4}-[a-z0-9]{4}|catalog(ue|o)?|conjuntos?-de-datos|jeux-de-donnees|dados|dati|group|organization)(\/|$)/i;

function webUrl(u: URL | null): URL | null {
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u : null;
}

/** A download of a dataset in an open format (by extension or an export `format=` parameter). */
export function openFormatOf(url: string): string | null {
  return openFormatAt(parseUrl(url));
}

function openFormatAt(parsed: URL | null): string | null {
  const u = webUrl(parsed);
  if (!u || NOT_DATASETS.test(u.pathname)) return null;
  const ext = OPEN_FORMAT_EXT.exec(u.pathname);
  if (ext) return ext[1]!.toLowerCase();
  const format = u.searchParams.get('format') ?? u.searchParams.get('f');
  return format && OPEN_FORMAT_PARAM.test(format) ? format.toLowerCase() : null;
}

/** openFormatOf a link's target, once per distinct link. */
export const linkOpenFormat: (link: CapturedLink) => string | null = memoizePerUrl(openFormatAt);

/**
 * An open-data portal: a known platform host (Opendatasoft, Socrata, ArcGIS Hub…), or a `data.`-like
 * subdomain showing a dataset path (CKAN /dataset, ODS /explore/dataset, Socrata /resource/xxxx-xxxx).
 * `textSaysOpenData` lets a bare `data.` host count when the link text says "open data".
 */
export function isOpenDataPortalUrl(url: string, textSaysOpenData: boolean): boolean {
  return isOpenDataPortalAt(parseUrl(url), textSaysOpenData);
}

function isOpenDataPortalAt(parsed: URL | null, textSaysOpenData: boolean): boolean {
  const u = webUrl(parsed);
  if (!u) return false;
  if (PLATFORM_HOSTS.test(u.hostname)) return true;
  const dataHost = DATA_HOST_PREFIX.test(u.hostname);
  const datasetPath = DATASET_PATH.test(u.pathname);
  return (
    (dataHost && (datasetPath || textSaysOpenData)) ||
    (datasetPath && textSaysOpenData && /\/(datasets?|explore\/dataset|api\/3)\b/i.test(u.pathname))
  );
}

const isPortalLinkIfSaid = memoizePerUrl((u) => isOpenDataPortalAt(u, true));
const isPortalLinkUnlessSaid = memoizePerUrl((u) => isOpenDataPortalAt(u, false));

/** isOpenDataPortalUrl of a link's target, once per distinct link. */
export function linkIsOpenDataPortal(link: CapturedLink, textSaysOpenData: boolean): boolean {
  return (textSaysOpenData ? isPortalLinkIfSaid : isPortalLinkUnlessSaid)(link);
}
