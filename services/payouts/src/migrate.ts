import { runMigrateMain } from '@dash/subgraph';
import { payoutsService } from './service.js';

await runMigrateMain(payoutsService);
