export { BusyBatches, type BusyBatchesOptions } from './busy-batches.js';
