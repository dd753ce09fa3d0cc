export { startCoprocessor, type RunningCoprocessor } from './app.js';
export { loadCoprocessorConfig, type CoprocessorConfig } from './config.js';
export { CALLER_CONTEXT_KEY, PROTOCOL_VERSION, STAGES, type Stage } from './protocol.js';
