// Child process for store-setup.test.ts: says "ready", waits until its stdin closes (the parent closes
// every child's at once), then opens the store given on the command line and adds a target.
import { readFileSync } from 'node:fs';
import { openStore, repositories } from '../../db/index.ts';

const [file, url] = process.argv.slice(2);
process.stdout.write('ready\n');
readFileSync(0);
const store = openStore(file!);
repositories(store).targets.findOrCreateSelfAudit({ url: url!, level: 'city' });
store.close();
