import { runServiceMain } from '@dash/subgraph';
import { ledgerService } from './service.js';

await runServiceMain(ledgerService);
