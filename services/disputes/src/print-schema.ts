import { printServiceSdl } from '@dash/subgraph';
import { disputesService } from './service.js';

process.stdout.write(await printServiceSdl(disputesService));
