import type { Catalog, CatalogEntry, Rule } from '../../src/core/index.ts';
import { CP_RULES } from './criteria/cp.ts';
import { EGL_RULES } from './criteria/egl.ts';
import { EP_RULES } from './criteria/ep.ts';
import { IF_RULES } from './criteria/if.ts';
import { SP_RULES } from './criteria/sp.ts';
import { TEC_RULES } from './criteria/tec.ts';

const MODULE_ORDER = ['IF', 'CP', 'SP', 'EP', 'TEC', 'EGL'] as const;

/**
 * Items whose grouping into one entry is ours: a sector item (the same question for six sectors,
 * one code per sector) or a group of codes scored as one entry. The source lists these codes
 * together; how the Survey scores the parts is not known.
 */
const GROUPED = new Set([
  '050',
  '062',
  '080',
  '090',
  '091',
  '092',
  '095',
  '095a',
  '095b',
  '099',
  '118',
  '143',
  '184',
  '304',
  '317',
  '330',
  '022',
  '023',
  '098',
  '324',
]);

function entry(rule: Rule): CatalogEntry {
  const { code, criterion, title, definition, method, id } = rule.meta;
  // Titles and definitions are condensed from an unofficial extraction of the OSI 2024 modules.
  return { code, criterion, title, definition, method, ruleId: id, inferred: true };
}

const RULES: Rule[] = [...IF_RULES, ...CP_RULES, ...SP_RULES, ...EP_RULES, ...TEC_RULES, ...EGL_RULES];

export const osi2024: Catalog = {
  id: 'osi-2024',
  version: '2024.1',
  title: 'UN Online Service Index (OSI) 2024 — national portal questionnaire',
  level: 'national',
  criteria: [
    { code: 'IF', name: 'Institutional Framework', weight: 1, inferred: true },
    { code: 'CP', name: 'Content Provision', weight: 1, inferred: true },
    { code: 'SP', name: 'Services Provision', weight: 1, inferred: true },
    { code: 'EP', name: 'E-Participation', weight: 1, inferred: true },
    { code: 'TEC', name: 'Technology', weight: 1, inferred: true },
    { code: 'EGL', name: 'E-Government Literacy', weight: 1, inferred: true },
  ],
  thresholds: [
    { level: 'very_high', min: 0.75 },
    { level: 'high', min: 0.5 },
    { level: 'middle', min: 0.25 },
    { level: 'low', min: 0 },
  ],
  entries: RULES.map(entry).sort(
    (a, b) => moduleOrder(a.criterion) - moduleOrder(b.criterion) || a.code.localeCompare(b.code),
  ),
  rules: RULES,
  notes: [
    'Module structure (IF 16, CP 8, SP 30, EP 21, TEC 14, EGL 13 grouped items) and item codes come from an unofficial extraction of the OSI 2024 questionnaire modules (UN DESA training decks), not from the Survey text; titles and definitions are condensed from it and are marked inferred.',
    'Published weights are not known: every module weighs 1 here (inferred), and a module score is the share of its items met. The Survey normalises OSI min–max across Member States, so a single portal gets only an absolute share, not its OSI.',
    'Level thresholds (very high > 0.75, high ≥ 0.50, middle ≥ 0.25, low ≥ 0) are the EGDI group bounds, applied to the absolute share by analogy (inferred).',
    '#014 (privacy statement) is listed under both IF and EGL in the source; it is one entry here, under EGL, so IF has 15 entries and the catalog 101.',
    `Grouped items are one entry each, scored by one rule: sector items (the same question for health, education, labour, social protection, environment and justice) are met when most sectors are found; code groups (#050–052 certificates, #062–063 utilities) are met when every part is. Grouped entries: ${[...GROUPED].join(', ')}.`,
    '#117 appears in CP (scholarship information) and in the SP group #117–118 (applying for scholarships); the SP entry uses code 118.',
    '#195 and #196: the extraction gives #195 the title "CSS style sheet" and #196 "markup validity" but swaps their definitions; the titles are followed here.',
    "Items that are the same feature as a LOSI 2024 indicator use that indicator's rule (one detector per feature), judged on the national portal; #012 (links to sub-national governments) uses the LOSI links-to-agencies detector, #043 (income tax) the tax-filing one, #149 (citizenship or residency) the residence-permit one and #183 (access to justice) the justice-information one, which are close but not identical features.",
    'Left to a person: #002 (search-engine ranking needs live searches) and #195 (CSS validity: the crawler has no CSS validator), like the manual items #022, #023, #083, #086, #087, #098, #313 and #324.',
    'WCAG is not an OSI 2024 item; the markup (#196) and responsive-design (#071) checks are the LOSI ones.',
  ],
};

function moduleOrder(code: string): number {
  const i = (MODULE_ORDER as readonly string[]).indexOf(code);
  return i === -1 ? MODULE_ORDER.length : i;
}
