/** A process that owns a Nu checker service, prints its URL and waits to be killed (see vnu-service.test.ts). */
import { NuCheckerService } from '../../../crawlers/validate/vnu-service.ts';

const service = new NuCheckerService();
process.stdout.write(`${await service.endpoint()}\n`);
setInterval(() => {}, 60_000);
