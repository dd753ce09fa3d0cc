import { runServiceMain } from '@dash/subgraph';
import { payoutsService } from './service.js';

await runServiceMain(payoutsService);
