import { runPrintSchemaMain } from '@dash/subgraph';
import { payoutsService } from './service.js';

await runPrintSchemaMain(payoutsService, new URL('../schema.graphql', import.meta.url));
