import 'reflect-metadata';

export { buildFederatedSchema, printSubgraphSdl, type ReferenceResolvers } from './schema.js';
export { startSubgraphServer, type SubgraphServerOptions } from './server.js';
export type { RunningServer } from '@dash/server-kit';
export { baseContextFrom, type BaseContext } from './context.js';
export { RequestBatches } from './request-batches.js';
export { loadSubgraphConfig, type SubgraphConfig } from './config.js';
export { Access, type AccountOwnership, type PlatformLookup } from './access.js';
export { SafeInt } from './scalars.js';
export { signedInAccountResolver } from './signed-in-account.js';
export {
  badInput,
  conflict,
  DashError,
  ERROR_CODES,
  forbidden,
  formatErrorFor,
  notFound,
  unauthenticated,
  type ErrorCode,
} from '@dash/errors';
export {
  buildServiceSchema,
  loadServiceConfig,
  migrateService,
  printServiceSdl,
  runMigrateMain,
  runPrintSchemaMain,
  runServiceMain,
  startService,
  type AnyServiceDefinition,
  type RunningService,
  type ServiceDefinition,
  type ServiceDeps,
  type ServicePart,
} from './service.js';
export {
  afterKeyset,
  CreatedRangeFilter,
  decodeCursor,
  decodePosition,
  encodeCursor,
  encodePosition,
  FirstArgs,
  newestFirstPage,
  PageArgs,
  PageInfo,
  toPage,
  type CursorScope,
  type Keyset,
} from './pagination.js';
export {
  checkIdempotencyKey,
  currencyInput,
  isTimeZone,
  validateArgs,
  validateListArg,
} from './validation.js';
export { assertListArgsBounded, ListArg, type ListArgOptions } from './list-arg.js';
export { AccountRecord, AccountRecords, upsertSeedRows, type SeedRow } from './account-record.js';
export {
  callerRoute,
  closureCheckRoutes,
  internalCommand,
  internalRoute,
  InternalRouteError,
} from './internal-routes.js';
export { fileUploadRoute, type Upload } from './file-upload-route.js';
export { callService } from './service-call.js';
export {
  AccountDirectory,
  capabilitiesOf,
  keepCapabilities,
  KNOWN_RECORDS_CAPABILITIES_AND_MODES,
  markAccountClosed,
  ONBOARDED,
  rememberAccount,
} from './account-directory.js';
export {
  KNOWN_RECORDS_TABLES,
  keepPlatform,
  KnownPlatform,
  platformLookup,
  savePlatform,
  switchesIn,
  type PlatformFacts,
} from './known-platforms.js';
export {
  IDEMPOTENCY_KEY_TTL_MS,
  IDEMPOTENCY_KEYS_TABLE,
  IdempotencyKeys,
  type Claim,
  type IdempotentRequest,
} from './idempotency.js';
export type { BankDebitRail, DebitStatus, RailDebit } from './bank-debit-rail.js';
export { SIMULATED_DEBIT_FAILURES, SimulatedDebitRail } from './simulated-debit-rail.js';
export { madeOnFirstUse, type Makers } from './made-on-first-use.js';
