export { createLedgerService, ledgerService } from './service.js';
export { seedLedger, type LedgerSeed } from './seed.js';
export { ledgerInvariants } from './postings/invariants.service.js';
// For the benchmark's bulk loader and load generator.
export { chargeEntry, REPORTING_CATEGORY } from './postings/entries.rules.js';
export { DEFAULT_FEE_SCHEDULE, processingFee } from './charge/fees.rules.js';
export { Charges } from './charge/charge.service.js';
export { hourOf } from './postings/post-entry.service.js';
// For other services' tests, which drive the watch of negative balances themselves.
export { Balances } from './account/balances.service.js';
export { NegativeBalanceWatch } from './negative-balance/negative-balance-watch.service.js';
