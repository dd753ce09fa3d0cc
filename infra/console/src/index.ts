export { startConsole, type RunningConsole } from './app.js';
export { loadConsoleConfig, type ConsoleConfig } from './config.js';
export { parseOperatorTokens, type OperatorTokens } from './operator-tokens.js';
