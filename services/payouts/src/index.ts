export { payoutsService } from './service.js';
export { seedPayouts, type PayoutSeed } from './seed.js';
