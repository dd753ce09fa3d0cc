import { runMigrateMain } from '@dash/subgraph';
import { ledgerService } from './service.js';

await runMigrateMain(ledgerService);
