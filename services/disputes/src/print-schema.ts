import { runPrintSchemaMain } from '@dash/subgraph';
import { disputesService } from './service.js';

await runPrintSchemaMain(disputesService, new URL('../schema.graphql', import.meta.url));
