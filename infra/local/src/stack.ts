import type { BaseContext, RunningService, ServiceDefinition } from '@dash/subgraph';
import { loadServiceConfig, migrateService, startService } from '@dash/subgraph';
import { identityService } from '@dash/identity';
import { ledgerService } from '@dash/ledger';
import { payoutsService } from '@dash/payouts';
import { disputesService } from '@dash/disputes';
import { notificationsService } from '@dash/notifications';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@dash/gateway';
import { createShellServer, loadShellConfig } from '@dash/shell';
import { createLogger } from '@dash/logger';

type Env = Record<string, string | undefined>;

/** Every subgraph service, in the order they start and migrate. */
export const SERVICES: ReadonlyArray<ServiceDefinition<BaseContext>> = [
  identityService,
  ledgerService,
  payoutsService,
  disputesService,
  notificationsService,
] as never;

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
 * Starts the five subgraphs (with their workers), the gateway and the shell in this process.
 * With `randomPorts` every listener takes a free port (tests); otherwise the configured ones.
 */
export async function startStack(env: Env, { randomPorts = false } = {}): Promise<RunningStack> {
  const portFor = (name: string) =>
    randomPorts ? { [`DASH_${name.toUpperCase()}_PORT`]: '0' } : {};
  const started: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop();
  };
  try {
    const services = await Promise.all(
      SERVICES.map(async (definition) => {
        const serviceEnv = { ...env, ...portFor(definition.name) };
        const service = await startService(definition, loadServiceConfig(definition, serviceEnv), {
          env: serviceEnv,
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
