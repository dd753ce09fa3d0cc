import { loadConfigOrExit } from '@dash/config';
import { createLogger } from '@dash/logger';
import { stopOnSignals } from '@dash/server-kit';
import { startConsole } from './app.js';
import { loadConsoleConfig } from './config.js';

const config = loadConfigOrExit(() => loadConsoleConfig());
const log = createLogger('console');
const running = await startConsole(config, { log });
stopOnSignals(running.stop, log);
