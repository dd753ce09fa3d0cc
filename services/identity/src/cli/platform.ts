import { parseArgs } from 'node:util';
import { DashError } from '@dash/errors';
import { createDataSource } from '@dash/db';
import { loadConfigOrExit } from '@dash/config';
import { loadServiceConfig, migrateService } from '@dash/subgraph';
import { identityService } from '../service.js';
import { createPlatform } from '../platform/platform.service.js';
import { PlatformInputError } from '../platform/platform.rules.js';
import { ApiKeyService } from '../api-key/api-key.service.js';

const USAGE = `Usage:
  npm run platform -- create --name <name> [--color <#rrggbb>] [--icon <url>]
  npm run platform -- create-key --platform <platform id> --mode <test|live>
  npm run platform -- revoke-key --platform <platform id> --key <key id>

create makes a platform with a test and a live secret key and prints them; create-key makes one
more key. The secrets are stored only as hashes: copy them now, they cannot be shown again.
revoke-key revokes a key and every key it made through the API. Keys made here are the oldest
a platform has: no API key can revoke them, only this command (or an older key).`;

const COMMANDS = ['create', 'create-key', 'revoke-key'];

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    color: { type: 'string' },
    icon: { type: 'string' },
    platform: { type: 'string' },
    mode: { type: 'string' },
    key: { type: 'string' },
    help: { type: 'boolean' },
  },
});

const command = positionals[0] ?? '';
const complete =
  (command === 'create' && values.name) ||
  (command === 'create-key' && values.platform && ['test', 'live'].includes(values.mode ?? '')) ||
  (command === 'revoke-key' && values.platform && values.key);
if (values.help || !COMMANDS.includes(command) || !complete) {
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
  if (command === 'create') {
    const { platform, testSecret, liveSecret } = await createPlatform(dataSource, {
      name: values.name!,
      ...(values.color ? { brandColor: values.color } : {}),
      ...(values.icon ? { iconUrl: values.icon } : {}),
    });
    console.log(`Platform  ${platform.id}  ${platform.name}
Test key  ${testSecret}
Live key  ${liveSecret}

These secrets are shown once. Use them as: Authorization: Bearer <key>`);
  } else if (command === 'create-key') {
    const { key, secret } = await new ApiKeyService(dataSource).issue({
      platformId: values.platform!,
      livemode: values.mode === 'live',
    });
    console.log(`Key  ${key.id}  ${secret}

This secret is shown once. Use it as: Authorization: Bearer <key>`);
  } else {
    const revoked = await new ApiKeyService(dataSource).revoke(values.platform!, values.key!);
    if (!revoked) {
      console.error(`No active key ${values.key} on platform ${values.platform}.`);
      process.exitCode = 65;
    } else console.log(`Revoked  ${revoked.map((key) => key.id).join('  ')}`);
  }
} catch (error) {
  if (!(error instanceof PlatformInputError) && !(error instanceof DashError)) throw error;
  console.error(error.message);
  process.exitCode = 64;
} finally {
  await dataSource.destroy();
}
