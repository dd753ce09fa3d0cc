import { runServiceMain } from '@dash/subgraph';
import { notificationsService } from './service.js';

await runServiceMain(notificationsService);
