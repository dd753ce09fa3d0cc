import { runMigrateMain } from '@dash/subgraph';
import { disputesService } from './service.js';

await runMigrateMain(disputesService);
