import { loadConfigOrExit } from '@dash/config';
import { createLogger } from '@dash/logger';
import { stopOnSignals } from '@dash/server-kit';
import { startGateway } from './app.js';
import { loadGatewayConfig } from './config.js';

const config = loadConfigOrExit(() => loadGatewayConfig());
const log = createLogger('gateway');
const gateway = await startGateway(config, { log });
stopOnSignals(gateway.stop, log);
