import { runMigrateMain } from '@dash/subgraph';
import { identityService } from './service.js';

await runMigrateMain(identityService);
