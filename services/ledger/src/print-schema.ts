import { runPrintSchemaMain } from '@dash/subgraph';
import { ledgerService } from './service.js';

await runPrintSchemaMain(ledgerService, new URL('../schema.graphql', import.meta.url));
