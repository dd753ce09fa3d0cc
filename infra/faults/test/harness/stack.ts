import { prepareIsolatedStackEnv, type IsolatedStackEnv } from '@dash/local-stack';
import { settingName, SUBGRAPHS, subgraphUrlVariable, type SubgraphName } from '@dash/manifest';
import { freePort } from '@dash/testing';
import { startPart, type PartProcess } from './processes.js';

type Env = Record<string, string>;

/** A role a service process plays: the API, the background work, or both (DASH_ROLE). */
export type Role = 'api' | 'worker' | 'all';

export interface ProcessStack {
  /** The settings every part was started with (a part started later may add its own). */
  env: Env;
  gatewayUrl: string;
  /** Where each subgraph answers (its GraphQL URL), as the parts call it. */
  subgraphUrl(name: SubgraphName): string;
  parts: PartProcess[];
  /** Starts one more process of a service (another replica, or a worker after a crash). */
  startService(name: SubgraphName, options?: { role?: Role; env?: Env }): Promise<PartProcess>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Redis for every part (a private server the test controls). */
  redisUrl: string;
  /** MySQL server for every part (e.g. a proxy the test can cut); the shared one otherwise. */
  mysqlUrl?: string;
  /** Settings for every part, on top of the prepared ones. */
  env?: Env;
  /** Settings of one service's process. */
  serviceEnv?: Partial<Record<SubgraphName, Env>>;
  /** The URL the gateway uses for a subgraph, when something (a proxy) sits between them. */
  gatewaySees?: Partial<Record<SubgraphName, (url: string) => string>>;
  /** Services whose first process runs with this role (the others run `all`). */
  roles?: Partial<Record<SubgraphName, Role>>;
}

/**
 * The whole back end as separate processes, the way a cluster runs it: every subgraph from its
 * `dist/main.js`, then the gateway from its own, each on a free port, over fresh databases
 * (migrated and seeded with the demo platform) and the given Redis.
 */
export async function startProcessStack(
  label: string,
  options: StackOptions,
): Promise<ProcessStack> {
  const prepared: IsolatedStackEnv = await prepareIsolatedStackEnv(label);
  const parts: PartProcess[] = [];
  const stop = async () => {
    await Promise.all(parts.map((part) => part.kill('SIGKILL')));
    await prepared.cleanup();
  };
  try {
    const ports = Object.fromEntries(
      await Promise.all(SUBGRAPHS.map(async ({ name }) => [name, await freePort()] as const)),
    ) as Record<SubgraphName, number>;
    const urlOf = (name: SubgraphName) => `http://127.0.0.1:${ports[name]}/graphql`;
    const env: Env = {
      ...prepared.env,
      REDIS_URL: options.redisUrl,
      ...(options.mysqlUrl ? { MYSQL_URL: options.mysqlUrl } : {}),
      ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [subgraphUrlVariable(name), urlOf(name)])),
      ...options.env,
    };
    const startService = async (
      name: SubgraphName,
      { role = 'all', env: own = {} }: { role?: Role; env?: Env } = {},
    ) => {
      // Another process of a service already running needs a port of its own.
      const port = parts.some((part) => part.name.startsWith(`${name}:`))
        ? await freePort()
        : ports[name];
      const part = startPart(`${name}:${role}`, `services/${name}/dist/main.js`, port, {
        ...env,
        ...options.serviceEnv?.[name],
        ...own,
        DASH_ROLE: role,
        [settingName(name, 'PORT')]: String(port),
      });
      parts.push(part);
      await part.ready();
      return part;
    };
    await Promise.all(
      SUBGRAPHS.map(({ name }) => startService(name, { role: options.roles?.[name] ?? 'all' })),
    );
    const gatewayPort = await freePort();
    const gateway = startPart('gateway', 'gateway/dist/main.js', gatewayPort, {
      ...env,
      DASH_GATEWAY_PORT: String(gatewayPort),
      ...Object.fromEntries(
        SUBGRAPHS.map(({ name }) => {
          const through = options.gatewaySees?.[name];
          return [subgraphUrlVariable(name), through ? through(urlOf(name)) : urlOf(name)];
        }),
      ),
    });
    parts.push(gateway);
    await gateway.ready();
    return {
      env,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      subgraphUrl: urlOf,
      parts,
      startService,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
