import { runPrintSchemaMain } from '@dash/subgraph';
import { notificationsService } from './service.js';

await runPrintSchemaMain(notificationsService, new URL('../schema.graphql', import.meta.url));
