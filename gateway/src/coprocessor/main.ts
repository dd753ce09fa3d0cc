import { loadConfigOrExit } from '@dash/config';
import { createLogger } from '@dash/logger';
import { stopOnSignals } from '@dash/server-kit';
import { startCoprocessor } from './app.js';
import { loadCoprocessorConfig } from './config.js';

const config = loadConfigOrExit(() => loadCoprocessorConfig());
const log = createLogger('coprocessor');
const coprocessor = await startCoprocessor(config, { log });
stopOnSignals(coprocessor.stop, log);
