export { createLedgerService, ledgerService } from './service.js';
export { seedLedger, type LedgerSeed } from './seed.js';
export { ledgerInvariants } from './ledger/invariants.js';
// For the benchmark's bulk loader and load generator.
export { chargeEntry, REPORTING_CATEGORY } from './domain/entries.js';
export { DEFAULT_FEE_SCHEDULE, processingFee } from './domain/fees.js';
export { MoneyMovements } from './ledger/money-movements.service.js';
export { hourOf } from './ledger/post-entry.js';
