import { printServiceSdl } from '@dash/subgraph';
import { payoutsService } from './service.js';

process.stdout.write(await printServiceSdl(payoutsService));
