/**
 * How the crawler learns which links are worth visiting first without judging anything itself:
 * the catalog's lexicons are turned (in src/) into a function the crawler calls on every link.
 */
export interface LinkHint {
  /** 0 = no indicator interest; higher = visit earlier. Roughly the number of lexicon matches, weighted. */
  score: number;
  /** The link looks like an online service (apply, pay, register…): on an external site, capture one hop. */
  service: boolean;
  /** The link looks like a switch to another language version of the portal. */
  language: boolean;
  /** Indicator codes whose lexicon matched, for diagnostics. */
  codes: string[];
}

export interface LinkCandidate {
  url: string;
  text: string;
}

export type LinkPrioritizer = (link: LinkCandidate) => LinkHint;

export const NO_HINT: LinkHint = { score: 0, service: false, language: false, codes: [] };

export const noLinkHints: LinkPrioritizer = () => NO_HINT;
