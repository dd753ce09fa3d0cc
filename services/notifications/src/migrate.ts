import { runMigrateMain } from '@dash/subgraph';
import { notificationsService } from './service.js';

await runMigrateMain(notificationsService);
