export { createShellServer, type ShellServer, type ShellServerOptions } from './server.js';
export { loadShellConfig } from './config.js';
