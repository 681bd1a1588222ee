import { writeFileSync } from 'node:fs';
import { REPORT_SCHEMA_PATH, reportJsonSchemaText } from './report-schema.ts';

// `npm run schema`: regenerates schemas/report.schema.json after a change to report-types.ts.
writeFileSync(REPORT_SCHEMA_PATH, reportJsonSchemaText());
process.stdout.write(`Wrote ${REPORT_SCHEMA_PATH}\n`);
