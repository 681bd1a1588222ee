import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask:
    "it needs live queries to the country's three most used search engines (StatCounter), which an offline audit cannot make; the assessor searches for the city's portal and checks the first results page of each.",
});
