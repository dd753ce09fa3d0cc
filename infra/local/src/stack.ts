import type { AnyServiceDefinition, RunningService } from '@dash/subgraph';
import { loadServiceConfig, migrateService, startService } from '@dash/subgraph';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@dash/gateway';
import { createShellServer, loadShellConfig } from '@dash/shell';
import { createLogger } from '@dash/logger';
import {
  importWorkspace,
  serviceExportName,
  settingName,
  SUBGRAPHS,
  subgraphUrlVariable,
} from '@dash/manifest';
import { freePort } from '@dash/testing';

type Env = Record<string, string | undefined>;

/** The service definition a manifest subgraph's package exports as `<name>Service`. */
async function loadService({ name, folder }: { name: string; folder: string }) {
  const definition = (await importWorkspace(folder))[serviceExportName(name)];
  if (!definition)
    throw new Error(`${folder} does not export ${serviceExportName(name)} (the manifest names it)`);
  return definition as AnyServiceDefinition;
}

/** Every subgraph service the manifest lists, in the order they start and migrate. */
export const SERVICES: ReadonlyArray<AnyServiceDefinition> = await Promise.all(
  SUBGRAPHS.map(loadService),
);

export interface RunningStack {
  services: RunningService[];
  gatewayUrl: string;
  shellUrl: string;
  stop(): Promise<void>;
}

export async function migrateAll(
  env: Env,
  onMigrated: (service: string, ran: string[]) => void = () => {},
): Promise<void> {
  for (const definition of SERVICES)
    onMigrated(
      definition.name,
      await migrateService(definition, loadServiceConfig(definition, env)),
    );
}

/**
 * Where each subgraph will listen, decided before any starts: services call each other (identity
 * asks ledger, payouts and disputes before an account closes), so each needs every address.
 * With `randomPorts` each takes a free port (tests); otherwise its configured one.
 */
export async function subgraphAddresses(env: Env, randomPorts = false): Promise<Env> {
  const addresses: Env = {};
  for (const definition of SERVICES) {
    const portVariable = settingName(definition.name, 'PORT');
    const port = randomPorts ? String(await freePort()) : env[portVariable];
    const config = loadServiceConfig(definition, {
      ...env,
      ...(port ? { [portVariable]: port } : {}),
    });
    if (port) addresses[portVariable] = port;
    const urlVariable = subgraphUrlVariable(definition.name);
    if (!env[urlVariable]) addresses[urlVariable] = `http://${config.host}:${config.port}/graphql`;
  }
  return addresses;
}

/** Starts the subgraphs (with their workers), the gateway and the shell in this process. */
export async function startStack(env: Env, { randomPorts = false } = {}): Promise<RunningStack> {
  const portFor = (name: string) => (randomPorts ? { [settingName(name, 'PORT')]: '0' } : {});
  const started: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop();
  };
  try {
    // One process plays every role: the APIs and their background work together.
    const stackEnv = { ...env, ...(await subgraphAddresses(env, randomPorts)), DASH_ROLE: 'all' };
    const services = await Promise.all(
      SERVICES.map(async (definition) => {
        const service = await startService(definition, loadServiceConfig(definition, stackEnv), {
          env: stackEnv,
        });
        started.push(service);
        return service;
      }),
    );
    const gatewayConfig = loadGatewayConfig({
      ...env,
      ...portFor('gateway'),
      ...Object.fromEntries(
        services.map((service) => [subgraphUrlVariable(service.name), service.url]),
      ),
    });
    const gateway: RunningGateway = await startGateway(gatewayConfig, {
      log: createLogger('gateway'),
    });
    started.push(gateway);
    const shell = createShellServer(
      loadShellConfig({ ...env, ...portFor('shell'), DASH_GATEWAY_URL: gateway.url }),
    );
    const { url: shellUrl } = await shell.start();
    started.push(shell);
    return { services, gatewayUrl: gateway.url, shellUrl, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
