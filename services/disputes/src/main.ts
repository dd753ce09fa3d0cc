import { runServiceMain } from '@dash/subgraph';
import { disputesService } from './service.js';

await runServiceMain(disputesService);
