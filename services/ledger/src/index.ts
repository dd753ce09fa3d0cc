export { ledgerService } from './service.js';
export { seedLedger, type LedgerSeed } from './seed.js';
