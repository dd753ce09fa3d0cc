import { loadConfig, loadConfigOrExit, mysqlUrl } from '@dash/config';
import { migrateAll } from './stack.js';

/**
 * `npm run migrate`: every service's migrations, one service after another. Each service's run
 * holds its database's migration lock, so this is safe beside a deploy's migration Job.
 */
const env: Record<string, string | undefined> = { ...process.env };
env.NODE_ENV ??= 'development';
loadConfigOrExit(() => loadConfig({ MYSQL_URL: mysqlUrl() }, env));
await migrateAll(env, (name, ran) =>
  console.log(`${name}: ${ran.length ? `applied ${ran.join(', ')}` : 'up to date'}`),
);
