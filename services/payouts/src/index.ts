export { assemblePayouts, createPayoutsService, payoutsService } from './service.js';
export { loadPayoutsConfig } from './payouts-config.js';
export { runAutomaticPayouts } from './schedule/automatic-payouts.service.js';
export { seedPayouts, type PayoutsSeed, type PayoutSeedRow } from './seed.js';
export { SIMULATED_FAILURES } from './payout/simulated-bank.service.js';
export { ExternalAccountKind } from './external-account/external-account.entity.js';
export { WEEKDAYS } from './schedule/schedule.rules.js';
