import type { CapturedLink } from '../../src/core/index.ts';

/**
 * Links are most of a page capture (often 100-300 per page), and a campaign rescoring parses every
 * one of them. Stored as positional tuples they take about a third less JSON and parse faster than
 * objects with repeated keys:
 *   [href, rawHref, text, region, external (0|1), placeholder (0|1), selector, rel?, extra?]
 * `rel` is present (null when absent) only when the link has a rel or extra fields; `extra` keeps
 * any field a later version of CapturedLink adds, so the round trip stays exact.
 */
export type PackedLink = [
  href: string,
  rawHref: string,
  text: string,
  region: CapturedLink['region'],
  external: 0 | 1,
  placeholder: 0 | 1,
  selector: string,
  rel?: string | null,
  extra?: Record<string, unknown>,
];

export function packLink(link: CapturedLink): PackedLink {
  const { href, rawHref, text, region, external, placeholder, selector, rel, ...extra } = link;
  const packed: PackedLink = [href, rawHref, text, region, external ? 1 : 0, placeholder ? 1 : 0, selector];
  const hasExtra = Object.keys(extra).length > 0;
  if (rel !== undefined || hasExtra) packed.push(rel ?? null);
  if (hasExtra) packed.push(extra);
  return packed;
}

export function unpackLink(packed: PackedLink): CapturedLink {
  const link: CapturedLink = {
    href: packed[0],
    rawHref: packed[1],
    text: packed[2],
    region: packed[3],
    external: packed[4] === 1,
    placeholder: packed[5] === 1,
    selector: packed[6],
  };
  const rel = packed[7];
  if (rel !== undefined && rel !== null) link.rel = rel;
  const extra = packed[8];
  return extra ? { ...link, ...extra } : link;
}
