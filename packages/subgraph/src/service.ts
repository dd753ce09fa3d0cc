import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Router } from 'express';
import type { NonEmptyArray } from 'type-graphql';
import type { DataSource } from 'typeorm';
import {
  assertSchemaCurrent,
  createDataSource,
  migrateDatabase,
  SchemaBehindError,
  type DataSourceOptions,
} from '@dash/db';
import { ConfigError, loadConfigOrExit } from '@dash/config';
import { createLogger, type Logger } from '@dash/logger';
import type { BaseContext } from './context.js';
import {
  startHealthServer,
  stopOnSignals,
  type ReadinessChecks,
  type RunningServer,
} from '@dash/server-kit';
import { buildFederatedSchema, printSubgraphSdl, type ReferenceResolvers } from './schema.js';
import { startSubgraphServer } from './server.js';
import { assertListArgsBounded } from './list-arg.js';
import { validateArgs } from './validation.js';
import { loadSubgraphConfig, type SubgraphConfig } from './config.js';

export interface ServiceDeps {
  config: SubgraphConfig;
  dataSource: DataSource;
  log: Logger;
  env: Record<string, string | undefined>;
}

/** Something that runs beside the GraphQL server (a worker, a relay, a connection) and stops with it. */
export interface ServicePart {
  readiness?: ReadinessChecks;
  stop(): Promise<void>;
}

/**
 * A service, declared: what it stores, what it serves, and its one composition root. `assemble`
 * builds every object the service uses, once per instance; requests (`buildContext`), background
 * parts and internal routes get that one assembly, so nothing is wired anywhere else.
 */
export interface ServiceDefinition<Context extends BaseContext, App = unknown> {
  /** The service's name in the manifest (@dash/manifest), which gives its default port. */
  name: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
  assemble(deps: ServiceDeps): App;
  /**
   * One request's own objects (its Access) over the assembly; the base every resolver gets is
   * added to them (see `withBase`).
   */
  buildContext(base: BaseContext, app: App): Omit<Context, keyof BaseContext>;
  /**
   * Connections the assembly opened that every role uses (producers, rate-limit counters): their
   * readiness joins /ready and they close when the process stops.
   */
  connections?: Array<(deps: ServiceDeps, app: App) => Promise<ServicePart>>;
  /**
   * Background work (queue workers, schedulers, the outbox relay, event consumers): runs in the
   * `worker` and `all` roles, never in `api`, so it scales apart from the API.
   */
  parts?: Array<(deps: ServiceDeps, app: App) => Promise<ServicePart>>;
  /** Internal HTTP routes for other services (e.g. identity's key check for the gateway). */
  routes?: (deps: ServiceDeps, app: App) => Router;
}

/** Any service, whatever its context and assembly (for lists of services: the stack, seeds). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyServiceDefinition = ServiceDefinition<BaseContext, any>;

export interface RunningService {
  name: string;
  /** The GraphQL endpoint, or for a worker-only process the base URL of its /health and /ready. */
  url: string;
  port: number;
  dataSource: DataSource;
  stop(): Promise<void>;
}

export const buildServiceSchema = <Context extends BaseContext, App>(
  definition: ServiceDefinition<Context, App>,
) => {
  assertListArgsBounded(definition.resolvers);
  return buildFederatedSchema(
    {
      resolvers: definition.resolvers,
      orphanedTypes: definition.orphanedTypes ?? [],
      validateFn: validateArgs,
    },
    definition.referenceResolvers,
  );
};

export function loadServiceConfig(
  definition: { name: string },
  env: Record<string, string | undefined> = process.env,
): SubgraphConfig {
  return loadSubgraphConfig(definition.name, env);
}

const dataSourceOptions = <Context extends BaseContext, App>(
  definition: ServiceDefinition<Context, App>,
  config: SubgraphConfig,
) => ({
  url: config.mysqlUrl,
  database: config.database,
  replicaUrls: config.mysqlReplicaUrls,
  ...(config.mysqlTls ? { tls: config.mysqlTls } : {}),
  entities: definition.entities,
  migrations: definition.migrations,
});

export function migrateService<Context extends BaseContext, App>(
  definition: ServiceDefinition<Context, App>,
  config: SubgraphConfig,
) {
  return migrateDatabase(dataSourceOptions(definition, config));
}

/**
 * Connects, checks the schema is not older than the code, then starts what the role asks for:
 * the GraphQL server (api), the background parts with a /health and /ready server (worker), or
 * both (all). stop() undoes it in reverse order.
 */
export async function startService<Context extends BaseContext, App>(
  definition: ServiceDefinition<Context, App>,
  config: SubgraphConfig,
  options: { log?: Logger; env?: Record<string, string | undefined> } = {},
): Promise<RunningService> {
  const log = options.log ?? createLogger(definition.name);
  const dataSource = createDataSource(dataSourceOptions(definition, config));
  await dataSource.initialize();
  const deps: ServiceDeps = { config, dataSource, log, env: options.env ?? process.env };
  const parts: ServicePart[] = [];
  const stopParts = async () => {
    for (const part of parts.reverse()) await part.stop();
  };
  try {
    await assertSchemaCurrent(dataSource);
    const app = definition.assemble(deps);
    const starters = [
      ...(definition.connections ?? []),
      ...(config.role === 'api' ? [] : (definition.parts ?? [])),
    ];
    for (const startPart of starters) parts.push(await startPart(deps, app));
    const readiness: ReadinessChecks = Object.assign(
      { database: () => dataSource.query('SELECT 1') },
      ...parts.map((part) => part.readiness ?? {}),
    );
    const server: RunningServer =
      config.role === 'worker'
        ? await startHealthServer({
            name: `${definition.name} worker`,
            part: definition.name,
            host: config.host,
            port: config.port,
            log,
            readiness,
          })
        : await startSubgraphServer({
            name: definition.name,
            schema: await buildServiceSchema(definition),
            host: config.host,
            port: config.port,
            internalSecret: config.internalSecret,
            log,
            readiness,
            buildContext: (base) => withBase(definition.buildContext(base, app), base),
            ...(definition.routes ? { routes: definition.routes(deps, app) } : {}),
          });
    return {
      name: definition.name,
      url: server.url,
      port: server.port,
      dataSource,
      async stop() {
        await server.stop();
        await stopParts();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await stopParts();
    await dataSource.destroy();
    throw error;
  }
}

/** EX_TEMPFAIL: an orchestrator restarts the process, by which time the migrations have run. */
const EXIT_SCHEMA_BEHIND = 75;
/** EX_CONFIG: a setting is missing or wrong; restarting will not help. */
const EXIT_CONFIG = 78;

/** The body of a service's `main.ts`: config from the environment, start, stop on a signal. */
export async function runServiceMain<Context extends BaseContext, App>(
  definition: ServiceDefinition<Context, App>,
) {
  const config = loadConfigOrExit(() => loadServiceConfig(definition));
  const log = createLogger(definition.name);
  let service: RunningService;
  try {
    service = await startService(definition, config, { log });
  } catch (error) {
    // A part's own settings (e.g. notifications' carriers) refuse as plainly as the common ones.
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_CONFIG);
    }
    if (error instanceof SchemaBehindError) {
      log.error({ database: error.database, pending: error.pending }, error.message);
      process.exit(EXIT_SCHEMA_BEHIND);
    }
    throw error;
  }
  stopOnSignals(service.stop, log);
}

/** The body of a service's `migrate.ts`. */
export async function runMigrateMain<Context extends BaseContext, App>(
  definition: ServiceDefinition<Context, App>,
) {
  const config = loadConfigOrExit(() => loadServiceConfig(definition));
  const ran = await migrateService(definition, config);
  console.log(`${definition.name}: ${ran.length ? `applied ${ran.join(', ')}` : 'up to date'}`);
}

/** The body of a service's `print-schema.ts`: the SDL it contributes, on stdout. */
export async function printServiceSdl<Context extends BaseContext, App>(
  definition: ServiceDefinition<Context, App>,
): Promise<string> {
  return printSubgraphSdl(await buildServiceSchema(definition));
}

/** The body of a service's `print-schema.ts`: writes its SDL only once it printed completely. */
export async function runPrintSchemaMain<Context extends BaseContext, App>(
  definition: ServiceDefinition<Context, App>,
  file: URL,
): Promise<void> {
  const sdl = await printServiceSdl(definition);
  await writeFile(file, sdl);
  console.log(`${definition.name}: wrote ${fileURLToPath(file)}`);
}

/**
 * A request's context: the service's own members with the base's copied onto them. Never
 * `{ ...base, access, … }`: on Node 20's V8 every property written after a spread in an object
 * literal takes the runtime's slow path, about a microsecond each, which came to 20–30 µs and
 * 3% of the ledger's CPU on every request.
 */
function withBase<Context extends BaseContext>(
  own: Omit<Context, keyof BaseContext>,
  base: BaseContext,
): Context {
  return Object.assign(own, base) as Context;
}
