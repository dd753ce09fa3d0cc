export { createLedgerService, ledgerService } from './service.js';
export { seedLedger, type LedgerSeed } from './seed.js';
export { ledgerInvariants } from './ledger/invariants.js';
