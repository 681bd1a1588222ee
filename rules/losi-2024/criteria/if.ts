import type { Rule } from '../../../src/core/index.ts';
import orgChart from '../215-org-chart.rule.ts';
import departmentHeads from '../216-department-heads.rule.ts';
import accessToInformation from '../224-access-to-information.rule.ts';
import agencyLinks from '../242-agency-links.rule.ts';
import officialPortal from '../281-official-portal.rule.ts';

/** LOSI 2024 IF rules, by code. One list per criterion so each can grow on its own. */
export const IF_RULES: readonly Rule[] = [
  orgChart,
  departmentHeads,
  accessToInformation,
  agencyLinks,
  officialPortal,
];
