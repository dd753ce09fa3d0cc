export { assembleDisputes, createDisputesService, disputesService } from './service.js';
export { loadDisputesConfig } from './disputes-config.js';
export { seedDisputes, type DisputeSeedRow } from './seed.js';
