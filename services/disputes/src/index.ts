export { disputesService } from './service.js';
export { seedDisputes, type DisputeSeed } from './seed.js';
