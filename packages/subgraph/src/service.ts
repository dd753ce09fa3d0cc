import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Router } from 'express';
import type { NonEmptyArray } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { createDataSource, migrateDatabase, type DataSourceOptions } from '@dash/db';
import { ConfigError, loadConfigOrExit } from '@dash/config';
import { createLogger, type Logger } from '@dash/logger';
import type { BaseContext } from './context.js';
import { stopOnSignals, type ReadinessChecks } from '@dash/server-kit';
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

/** Something that runs beside the GraphQL server (a worker, a relay) and stops with it. */
export interface ServicePart {
  readiness?: ReadinessChecks;
  stop(): Promise<void>;
}

/**
 * Everything that makes one subgraph service, declared once. The same definition drives the
 * server (`main`), migrations (`migrate`), the checked-in SDL (`print-schema`) and tests, so
 * every service starts, stops and migrates the same way.
 */
/**
 * A service, declared: what it stores, what it serves, and its one composition root. `assemble`
 * builds every object the service uses, once per instance; requests (`buildContext`), background
 * parts and internal routes get that one assembly, so nothing is wired anywhere else.
 */
export interface ServiceDefinition<Context extends BaseContext, App = unknown> {
  /** The service's name in the manifest (@dash/manifest), which gives its default port. */
  name: string;
  /** Ignored: the port comes from the manifest by name. */
  defaultPort?: number;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
  assemble(deps: ServiceDeps): App;
  /** One request's context: the caller's own objects (its Access) over the assembly. */
  buildContext(base: BaseContext, app: App): Context;
  /** Background work started with the instance (workers, relays, consumers). */
  parts?: Array<(deps: ServiceDeps, app: App) => Promise<ServicePart>>;
  /** Internal HTTP routes for other services (e.g. identity's key check for the gateway). */
  routes?: (deps: ServiceDeps, app: App) => Router;
}

/** Any service, whatever its context and assembly (for lists of services: the stack, seeds). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyServiceDefinition = ServiceDefinition<BaseContext, any>;

export interface RunningService {
  name: string;
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

/** Connects, starts the parts and the server; stop() undoes it in reverse order. */
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
  try {
    const app = definition.assemble(deps);
    for (const startPart of definition.parts ?? []) parts.push(await startPart(deps, app));
    const server = await startSubgraphServer({
      name: definition.name,
      schema: await buildServiceSchema(definition),
      host: config.host,
      port: config.port,
      internalSecret: config.internalSecret,
      log,
      readiness: Object.assign(
        { database: () => dataSource.query('SELECT 1') },
        ...parts.map((part) => part.readiness ?? {}),
      ),
      buildContext: (base) => definition.buildContext(base, app),
      ...(definition.routes ? { routes: definition.routes(deps, app) } : {}),
    });
    return {
      name: definition.name,
      url: server.url,
      port: server.port,
      dataSource,
      async stop() {
        await server.stop();
        for (const part of parts.reverse()) await part.stop();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    for (const part of parts.reverse()) await part.stop();
    await dataSource.destroy();
    throw error;
  }
}

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
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
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
