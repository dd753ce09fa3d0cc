import { runServiceMain } from '@dash/subgraph';
import { identityService } from './service.js';

await runServiceMain(identityService);
