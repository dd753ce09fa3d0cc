import { loadConfigOrExit } from '@dash/config';
import { createLogger } from '@dash/logger';
import { stopOnSignals } from '@dash/server-kit';
import { loadShellConfig } from './config.js';
import { createShellServer } from './server.js';

const log = createLogger('shell');
const shell = createShellServer(loadConfigOrExit(() => loadShellConfig()));
const { url } = await shell.start();
log.info({ url }, 'shell listening');
stopOnSignals(shell.stop, log);
