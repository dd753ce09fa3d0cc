import {
  databaseName,
  host,
  loadConfig,
  mysqlReplicaUrls,
  mysqlTlsFields,
  mysqlTlsOf,
  mysqlUrl,
  port,
  secretKeyFields,
  secretKeysOf,
  type MysqlTlsSetting,
  type SecretKeys,
  z,
} from '@dash/config';
import { settingName, subgraphEntry } from '@dash/manifest';

/**
 * What one process of a service does: `api` serves GraphQL and internal routes, `worker` runs the
 * background work (queues, schedulers, outbox relay, event consumers), `all` both. Production runs
 * them apart so each scales on its own; one machine runs `all`.
 */
export const SERVICE_ROLES = ['api', 'worker', 'all'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

export interface SubgraphConfig {
  nodeEnv: 'development' | 'test' | 'production';
  role: ServiceRole;
  host: string;
  port: number;
  mysqlUrl: string;
  /** Read replicas (MYSQL_REPLICA_URLS): only for reads routed there with onReplica. */
  mysqlReplicaUrls: string[];
  /** TLS to MySQL (MYSQL_TLS, MYSQL_TLS_CA, MYSQL_TLS_REJECT_UNAUTHORIZED); none when off. */
  mysqlTls?: MysqlTlsSetting;
  database: string;
  /**
   * The service's key ring (DASH_SECRET_KEYS, or DASH_INTERNAL_SECRET as one key), held by this
   * service: caller headers must be addressed to it, and every purpose's key derives from it.
   */
  internalSecret: SecretKeys;
}

/**
 * Reads the settings every subgraph has, named after the service:
 * DASH_ROLE (api, worker or all; all by default), DASH_<NAME>_PORT (by default the manifest's port; required for a service the manifest does not
 * list), DASH_<NAME>_HOST, DASH_<NAME>_DATABASE, plus NODE_ENV (required), MYSQL_URL, the read
 * replicas and TLS to MySQL (MYSQL_REPLICA_URLS, MYSQL_TLS…), and the secret keys (DASH_SECRET_KEYS or DASH_INTERNAL_SECRET; required in production).
 */
export function loadSubgraphConfig(
  name: string,
  env: Record<string, string | undefined> = process.env,
): SubgraphConfig {
  const setting = (suffix: string) => settingName(name, suffix);
  const raw = loadConfig(
    {
      ...secretKeyFields(),
      DASH_ROLE: z.enum(SERVICE_ROLES).default('all'),
      [setting('HOST')]: host(),
      [setting('PORT')]: port(subgraphEntry(name)?.port),
      [setting('DATABASE')]: databaseName(`dash_${name.replaceAll('-', '_')}`),
      MYSQL_URL: mysqlUrl(),
      MYSQL_REPLICA_URLS: mysqlReplicaUrls(),
      ...mysqlTlsFields(),
    },
    env,
  ) as Record<string, unknown>;
  const secrets = secretKeysOf(raw as Parameters<typeof secretKeysOf>[0]);
  const mysqlTls = mysqlTlsOf(raw as Parameters<typeof mysqlTlsOf>[0]);
  return {
    nodeEnv: raw.NODE_ENV as SubgraphConfig['nodeEnv'],
    role: raw.DASH_ROLE as ServiceRole,
    host: raw[setting('HOST')] as string,
    port: raw[setting('PORT')] as number,
    mysqlUrl: raw.MYSQL_URL as string,
    mysqlReplicaUrls: raw.MYSQL_REPLICA_URLS as string[],
    ...(mysqlTls ? { mysqlTls } : {}),
    database: raw[setting('DATABASE')] as string,
    internalSecret: secrets.for(name),
  };
}
