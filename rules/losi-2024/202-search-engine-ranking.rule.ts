import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'losi-2024/202-search-engine-ranking',
  code: '202',
  criterion: 'TEC',
  title: 'Found on the first results page of search engines',
  definition:
    "Searching for the city's portal puts it on the first results page of the three most used search engines in the country.",
  assessorTask:
    "it needs live queries to the country's three most used search engines (StatCounter), which an offline audit cannot make; the assessor searches for the city's portal and checks the first results page of each.",
});
