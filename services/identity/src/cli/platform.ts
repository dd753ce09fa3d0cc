import { parseArgs } from 'node:util';
import { createDataSource } from '@dash/db';
import { loadConfigOrExit } from '@dash/config';
import { loadServiceConfig, migrateService } from '@dash/subgraph';
import { identityService } from '../service.js';
import { createPlatform, PlatformInputError } from '../platforms.js';

const USAGE = `Usage: npm run platform -- create --name <name> [--color <#rrggbb>] [--icon <url>]

Creates a platform with a test and a live secret key and prints them. The secrets are stored
only as hashes: copy them now, they cannot be shown again.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    color: { type: 'string' },
    icon: { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help || positionals[0] !== 'create' || !values.name) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 64);
}

const config = loadConfigOrExit(() => loadServiceConfig(identityService));
await migrateService(identityService, config);
const dataSource = createDataSource({
  url: config.mysqlUrl,
  database: config.database,
  entities: identityService.entities,
  migrations: [],
  poolSize: 1,
});
await dataSource.initialize();
try {
  const { platform, testSecret, liveSecret } = await createPlatform(dataSource, {
    name: values.name,
    ...(values.color ? { brandColor: values.color } : {}),
    ...(values.icon ? { iconUrl: values.icon } : {}),
  });
  console.log(`Platform  ${platform.id}  ${platform.name}
Test key  ${testSecret}
Live key  ${liveSecret}

These secrets are shown once. Use them as: Authorization: Bearer <key>`);
} catch (error) {
  if (!(error instanceof PlatformInputError)) throw error;
  console.error(error.message);
  process.exitCode = 64;
} finally {
  await dataSource.destroy();
}
