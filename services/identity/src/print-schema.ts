import { printServiceSdl } from '@dash/subgraph';
import { identityService } from './service.js';

process.stdout.write(await printServiceSdl(identityService));
