import type { AnyServiceDefinition, RunningService } from '@dash/subgraph';
import { loadServiceConfig, migrateService, startService } from '@dash/subgraph';
import { identityService } from '@dash/identity';
import { ledgerService } from '@dash/ledger';
import { payoutsService } from '@dash/payouts';
import { disputesService } from '@dash/disputes';
import { notificationsService } from '@dash/notifications';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@dash/gateway';
import { createShellServer, loadShellConfig } from '@dash/shell';
import { createLogger } from '@dash/logger';
import { subgraphUrlVariable, type SubgraphName } from '@dash/contracts';
import { freePort } from '@dash/testing';

type Env = Record<string, string | undefined>;

/** Every subgraph service, in the order they start and migrate. */
export const SERVICES: ReadonlyArray<AnyServiceDefinition> = [
  identityService,
  ledgerService,
  payoutsService,
  disputesService,
  notificationsService,
];

export interface RunningStack {
  services: RunningService[];
  gatewayUrl: string;
  shellUrl: string;
  stop(): Promise<void>;
}

export async function migrateAll(env: Env): Promise<void> {
  for (const definition of SERVICES)
    await migrateService(definition, loadServiceConfig(definition, env));
}

/**
 * Where each subgraph will listen, decided before any starts: services call each other (identity
 * asks ledger, payouts and disputes before an account closes), so each needs every address.
 * With `randomPorts` each takes a free port (tests); otherwise its configured one.
 */
async function subgraphAddresses(env: Env, randomPorts: boolean): Promise<Env> {
  const addresses: Env = {};
  for (const definition of SERVICES) {
    const portVariable = `DASH_${definition.name.toUpperCase()}_PORT`;
    const port = randomPorts ? String(await freePort()) : env[portVariable];
    const config = loadServiceConfig(definition, {
      ...env,
      ...(port ? { [portVariable]: port } : {}),
    });
    if (port) addresses[portVariable] = port;
    const urlVariable = subgraphUrlVariable(definition.name as SubgraphName);
    if (!env[urlVariable]) addresses[urlVariable] = `http://${config.host}:${config.port}/graphql`;
  }
  return addresses;
}

/** Starts the five subgraphs (with their workers), the gateway and the shell in this process. */
export async function startStack(env: Env, { randomPorts = false } = {}): Promise<RunningStack> {
  const portFor = (name: string) =>
    randomPorts ? { [`DASH_${name.toUpperCase()}_PORT`]: '0' } : {};
  const started: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop();
  };
  try {
    const stackEnv = { ...env, ...(await subgraphAddresses(env, randomPorts)) };
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
        services.map((service) => [`DASH_${service.name.toUpperCase()}_URL`, service.url]),
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
