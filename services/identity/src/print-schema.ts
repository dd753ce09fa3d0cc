import { runPrintSchemaMain } from '@dash/subgraph';
import { identityService } from './service.js';

await runPrintSchemaMain(identityService, new URL('../schema.graphql', import.meta.url));
