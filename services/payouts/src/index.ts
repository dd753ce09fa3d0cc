export { assemblePayouts, createPayoutsService, payoutsService } from './service.js';
export { loadPayoutsConfig } from './payouts-config.js';
export { runAutomaticPayouts } from './payouts/automatic-payouts.js';
export { seedPayouts, type PayoutsSeed, type PayoutSeedRow } from './seed.js';
export { SIMULATED_FAILURES } from './bank/simulated-bank.js';
export { ExternalAccountKind } from './entities/external-account.entity.js';
