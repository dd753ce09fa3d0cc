export { createPayoutsService, payoutsService } from './service.js';
export { seedPayouts, type PayoutsSeed, type PayoutSeedRow } from './seed.js';
export { SIMULATED_FAILURES } from './bank/simulated-bank.js';
export { ExternalAccountKind } from './entities/external-account.entity.js';
