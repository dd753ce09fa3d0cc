import type { DataSource } from 'typeorm';
import { createCommandConnection } from '@dash/queue';
import { ReadVersions } from './read-versions.js';
import { loadReadVersionSettings } from './settings.js';
import { installReadVersionBumps } from './touch.js';

/**
 * A service's connection for read versions: opened with the service, it makes every
 * `touchReads` on the service's data source bump the versions in the Redis the gateway reads
 * (REDIS_URL, DASH_REDIS_PREFIX). Fits a ServiceDefinition's `connections`.
 */
export async function readVersionsConnection(deps: {
  dataSource: DataSource;
  env: Record<string, string | undefined>;
  log: { warn(details: object, message: string): void };
}): Promise<{ stop(): Promise<void> }> {
  const settings = loadReadVersionSettings(deps.env);
  const redis = createCommandConnection(settings.REDIS_URL);
  const uninstall = installReadVersionBumps(
    deps.dataSource,
    new ReadVersions(redis, settings.DASH_REDIS_PREFIX),
    (error) =>
      deps.log.warn(
        { err: error },
        'read versions not bumped: cached reads stay until they expire',
      ),
  );
  return {
    async stop() {
      uninstall();
      redis.disconnect();
    },
  };
}
