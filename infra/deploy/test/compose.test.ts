import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGatewayConfig } from '../../../gateway/src/config.js';
import { describe, expect, it } from 'vitest';
import {
  composeSchemaProblems,
  ENV_EXAMPLE,
  interpolateAll,
  MissingVariableError,
  operatorEnv,
  parseEnvFile,
  parseCompose,
  readComposeText,
  requiredVariables,
  type ComposeFile,
  type ComposeService,
} from './support/compose-model.js';
import { composeProblems, configProblems } from './support/compose-rules.js';
import { REPO_ROOT } from './support/docker-parts.js';
import { parseStages } from './support/docker-rules.js';

const text = readComposeText();
const stages = parseStages(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
const env = operatorEnv();

/** A fresh copy of the file to break in one place. */
const compose = () => parseCompose(text);
const service = (file: ComposeFile, name: string): ComposeService => {
  expect(file.services, `no service ${name}`).toHaveProperty([name]);
  return file.services[name]!;
};
const environment = (file: ComposeFile, name: string) =>
  service(file, name).environment as Record<string, string>;

const allProblems = (file: ComposeFile) => [
  ...composeSchemaProblems(interpolateAll(file, env)),
  ...composeProblems(file, stages),
  ...configProblems(file, stages, env),
];

describe('infra/docker-compose.yml against the Compose Specification', () => {
  it('validates against the specification’s JSON schema once interpolated', () => {
    const problems = composeSchemaProblems(interpolateAll(compose(), env));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it.each([
    ['a misspelt top-level key', (f: ComposeFile) => Object.assign(f, { servics: {} })],
    [
      'an unknown depends_on condition',
      (f: ComposeFile) => {
        service(f, 'gateway').depends_on = { redis: { condition: 'service_ready' } };
      },
    ],
    [
      'a port with a misspelt field',
      (f: ComposeFile) => {
        service(f, 'shell').ports = [{ target: 9000, publish: 9000 } as never];
      },
    ],
    [
      'a misspelt service key',
      (f: ComposeFile) => {
        const { environment: env, ...rest } = service(f, 'ledger');
        f.services.ledger = { ...rest, enviroment: env };
      },
    ],
  ])('rejects %s', (_what, breakIt) => {
    const file = compose();
    breakIt(file);
    expect(composeSchemaProblems(interpolateAll(file, env))).not.toEqual([]);
  });
});

describe('infra/docker-compose.yml against the code', () => {
  it('runs every part as the code needs it in production', () => {
    const problems = [
      ...composeProblems(compose(), stages),
      ...configProblems(compose(), stages, env),
    ];
    expect(problems, problems.join('\n')).toEqual([]);
  });

  // Each edit below is a mistake someone could make; the checks must name it.
  const mistakes: Array<[string, (file: ComposeFile) => unknown, RegExp]> = [
    [
      'a subgraph without its worker',
      (f: ComposeFile) => delete f.services['payouts-worker'],
      /payouts-worker: missing/,
    ],
    [
      'a subgraph without its migration',
      (f: ComposeFile) => delete f.services['ledger-migrate'],
      /ledger-migrate: missing/,
    ],
    [
      'a worker started as an API',
      (f: ComposeFile) => (environment(f, 'disputes-worker').DASH_ROLE = 'api'),
      /disputes-worker: DASH_ROLE is api, not worker/,
    ],
    [
      'an API that does not wait for its migration',
      (f: ComposeFile) =>
        ((service(f, 'identity').depends_on as Record<string, { condition: string }>)[
          'identity-migrate'
        ] = {
          condition: 'service_started',
        }),
      /identity: starts before identity-migrate completes/,
    ],
    [
      'a migration running the server',
      (f: ComposeFile) =>
        (service(f, 'notifications-migrate').command = [
          'node',
          'services/notifications/dist/main.js',
        ]),
      /notifications-migrate: runs "node services\/notifications\/dist\/main.js"/,
    ],
    [
      'a part built from another target',
      (f: ComposeFile) =>
        (service(f, 'ledger-worker').build = { context: '..', target: 'payouts' }),
      /ledger-worker: builds target payouts, not ledger/,
    ],
    [
      'an image under another name',
      (f: ComposeFile) => (service(f, 'gateway').image = 'express-dashboard-gateway:latest'),
      /gateway: image .* is not ghcr.io\/express-dashboard\/gateway:<tag>/,
    ],
    [
      'a healthcheck on the wrong port',
      (f: ComposeFile) =>
        (service(f, 'payouts').healthcheck = {
          test: ['CMD', 'curl', 'http://127.0.0.1:4030/ready'],
        }),
      /payouts: has no healthcheck on its port 4003/,
    ],
    [
      'MySQL published to the world',
      (f: ComposeFile) => (service(f, 'mysql').ports = ['3306:3306']),
      /mysql: publishes 3306:3306/,
    ],
    [
      'the console published beyond loopback',
      (f: ComposeFile) => (service(f, 'console').ports = ['4080:4080']),
      /console: 4080:4080 is reachable beyond loopback/,
    ],
    [
      'a secret written into the file',
      (f: ComposeFile) => (environment(f, 'gateway').DASH_SECRET_KEYS = `k1:${'s'.repeat(40)}`),
      /gateway: DASH_SECRET_KEYS is written in the file/,
    ],
    [
      'a password inside a connection URL',
      (f: ComposeFile) => (environment(f, 'ledger').MYSQL_URL = 'mysql://dash:hunter2@mysql:3306'),
      /ledger: a URL carries a password written in the file/,
    ],
    [
      'a subgraph URL on the wrong port',
      (f: ComposeFile) =>
        (environment(f, 'gateway').DASH_LEDGER_URL = 'http://ledger:4020/graphql'),
      /gateway: DASH_LEDGER_URL uses port 4020 of ledger, which listens on 4002/,
    ],
    [
      'a subgraph URL naming no service',
      (f: ComposeFile) =>
        (environment(f, 'payouts').DASH_IDENTITY_URL = 'http://identiy:4001/graphql'),
      /payouts: DASH_IDENTITY_URL names identiy, which is not a service here/,
    ],
    [
      'a URL left at its loopback default',
      (f: ComposeFile) => delete environment(f, 'payouts-worker').DASH_LEDGER_URL,
      /payouts-worker: a setting is left at its loopback default \(http:\/\/127.0.0.1:4002\/graphql\)/,
    ],
    [
      'a part not in production mode',
      (f: ComposeFile) => (environment(f, 'shell').NODE_ENV = 'development'),
      /shell: NODE_ENV is not production/,
    ],
    [
      'the secret keys missing',
      (f: ComposeFile) => delete environment(f, 'gateway').DASH_SECRET_KEYS,
      /gateway: .*DASH_SECRET_KEYS: must be set in production/,
    ],
    [
      'development mail carriers in production',
      (f: ComposeFile) => (environment(f, 'notifications-worker').DASH_EMAIL_PROVIDER = 'dev'),
      /notifications-worker: .*must name real providers in production/,
    ],
    [
      'the console without operators',
      (f: ComposeFile) => delete environment(f, 'console').DASH_OPERATOR_TOKENS,
      /console: .*DASH_OPERATOR_TOKENS: is required/,
    ],
    [
      'an old MySQL',
      (f: ComposeFile) => (service(f, 'mysql').image = 'mysql:5.7'),
      /mysql: image mysql:5.7 is not mysql:8.4/,
    ],
  ];
  it.each(mistakes)('reports %s', (_what, breakIt, expected) => {
    const file = compose();
    breakIt(file);
    const problems = allProblems(file);
    expect(
      problems.some((problem) => expected.test(problem)),
      problems.join('\n'),
    ).toBe(true);
  });
});

describe('the secrets infra/.env supplies', () => {
  const example = parseEnvFile(readFileSync(ENV_EXAMPLE, 'utf8'));

  it('are all named in infra/deploy/compose.env.example', () => {
    expect(Object.keys(example)).toEqual(expect.arrayContaining([...requiredVariables(text)]));
  });

  it('stop Compose when one is missing, naming it', () => {
    for (const name of requiredVariables(text)) {
      const { [name]: _left, ...withoutIt } = env;
      expect(() => interpolateAll(compose(), withoutIt), name).toThrow(MissingVariableError);
      expect(() => interpolateAll(compose(), withoutIt), name).toThrow(name);
    }
  });

  it('are refused when left at the example’s placeholder', () => {
    const production = { NODE_ENV: 'production', DASH_SECRET_KEYS: example.DASH_SECRET_KEYS! };
    expect(() => loadGatewayConfig(production)).toThrow(/DASH_SECRET_KEYS/);
  });
});

describe('the configuration loaders the check runs', () => {
  // A new loader nobody adds here would let a required production setting go unchecked.
  it('include every loader in the code a part runs', () => {
    const loaders = readFileSync(
      join(REPO_ROOT, 'infra/deploy/test/support/compose-config-loaders.ts'),
      'utf8',
    );
    const sources = execFileSync(
      'grep',
      [
        '-rl',
        '--include=*.ts',
        'loadConfig(',
        'services',
        'gateway/src',
        'shell/src',
        'packages',
        'infra/console/src',
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .filter((file) =>
        /^(services\/[^/]+|gateway|shell|packages\/[^/]+|infra\/console)\/src\//.test(file),
      )
      // Not parts' start-up: the loader itself, test helpers, operator CLIs, code templates, and
      // the coprocessor (it runs beside Apollo Router, which the compose file does not deploy).
      .filter(
        (file) => !/^packages\/(config|testing)\/|\/src\/(cli|scaffold|coprocessor)\//.test(file),
      );
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources)
      expect(loaders, `${file} is not among the checked loaders`).toContain(
        `../../../../${file.replace(/\.ts$/, '.js')}`,
      );
  });
});
