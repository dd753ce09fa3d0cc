import { printServiceSdl } from '@dash/subgraph';
import { ledgerService } from './service.js';

process.stdout.write(await printServiceSdl(ledgerService));
