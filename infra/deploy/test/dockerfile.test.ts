import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageOf, PARTS, REPO_ROOT } from './support/docker-parts.js';
import { dockerfileProblems } from './support/docker-rules.js';

const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');

/** The Dockerfile with one change an unwary edit could make. */
const edited = (from: string | RegExp, to: string) => {
  const changed = dockerfile.replace(from, to);
  expect(changed, `the Dockerfile no longer contains ${String(from)}`).not.toBe(dockerfile);
  return changed;
};

describe('the Dockerfile', () => {
  it('passes its linter and every rule of ours', () => {
    const problems = dockerfileProblems(dockerfile);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  // Each edit below breaks one rule; the checks must name it, or a broken file would pass.
  it.each([
    ['a misspelt instruction', /^USER node$/m, 'USR node', /line \d+: .*USR/i],
    ['a runtime left as root', /^USER node$/m, 'USER root', /identity: runs as root/],
    ['node as a bare PID 1', '["tini", "--"]', '["node"]', /ledger: PID 1 is node/],
    [
      'a dev install in a runtime stage',
      'ENV NODE_ENV=production',
      'ENV NODE_ENV=production\nRUN npm ci',
      /gateway: line \d+ installs packages at run time/,
    ],
    [
      'NODE_ENV left unset',
      'ENV NODE_ENV=production',
      'ENV TZ=UTC',
      /shell: does not set NODE_ENV/,
    ],
    [
      'a secret baked into ENV',
      'ENV NODE_ENV=production',
      'ENV NODE_ENV=production DASH_SECRET_KEYS=k1:abc',
      /ENV DASH_SECRET_KEYS bakes a secret/,
    ],
    [
      'a credential in an ARG',
      'FROM base AS build',
      'FROM base AS build\nARG NPM_TOKEN',
      /ARG NPM_TOKEN bakes a secret/,
    ],
    [
      'a credential-shaped value under an innocent name',
      'ENV NODE_ENV=production',
      `ENV NODE_ENV=production BOOT=k1:${'x'.repeat(40)}`,
      /ENV BOOT bakes a secret/,
    ],
    ['a floating base image', 'node:22.23.3-bookworm-slim', 'node:lts-slim', /not a pinned node/],
    [
      'an odd, short-lived Node line',
      'node:22.23.3-bookworm-slim',
      'node:23.11.1-bookworm-slim',
      /not a supported LTS/,
    ],
    [
      'a COPY of a file that is not there',
      'COPY . .',
      'COPY . .\nCOPY tsconfig.prod.json ./',
      /COPY source tsconfig.prod.json is not in the repository/,
    ],
    [
      'a COPY from a misspelt stage',
      '--from=payouts-files',
      '--from=payout-files',
      /COPY --from=payout-files names no stage above|payouts: copies from payout-files/,
    ],
    [
      'an image shipping another part',
      'ship.mjs @dash/disputes',
      'ship.mjs @dash/ledger',
      /disputes: copies from disputes-files, which does not ship @dash\/disputes/,
    ],
    ['a part without its target', 'AS notifications\n', 'AS notices\n', /notifications: no target/],
    [
      'a target starting the wrong file',
      '"services/payouts/dist/main.js"',
      '"services/payouts/dist/index.js"',
      /payouts: CMD is "node services\/payouts\/dist\/index.js", not "node services\/payouts\/dist\/main.js"/,
    ],
    [
      'subgraphs started without their heap cap',
      ' --max-old-space-size=104 --max-semi-space-size=8"',
      '"',
      /ledger: NODE_OPTIONS lacks --max-old-space-size=104/,
    ],
    [
      // A command-line flag wins over NODE_OPTIONS: a deployment's own cap would be ignored.
      'a heap cap on the command line',
      '"services/ledger/dist/main.js"]',
      '"--max-old-space-size=104", "services/ledger/dist/main.js"]',
      /ledger: CMD sizes the heap on the command line/,
    ],
    [
      'images without the tracing preload',
      'NODE_OPTIONS="--import @dash/telemetry/register"',
      'NODE_OPTIONS="--enable-source-maps"',
      /gateway: NODE_OPTIONS does not start with the tracing preload/,
    ],
    [
      'a port the manifest does not know',
      'EXPOSE 4002',
      'EXPOSE 4020',
      /ledger: does not EXPOSE its port 4002/,
    ],
    [
      'a part listening on loopback only',
      'ENV DASH_GATEWAY_HOST=0.0.0.0',
      'ENV DASH_GATEWAY_HOSTNAME=gateway',
      /gateway: does not listen beyond loopback/,
    ],
    ['a single stage', /^FROM (?!node:).*$/gm, '', /not multi-stage|no target/],
  ] as const)('reports %s', (_what, from, to, expected) => {
    const problems = dockerfileProblems(edited(from, to));
    expect(
      problems.some((problem) => expected.test(problem)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('has a target for every subgraph in the manifest, the gateway, the shell and the console', () => {
    const targets = [...dockerfile.matchAll(/^FROM (?:runtime|subgraph-runtime) AS (\S+)$/gm)]
      .map((match) => match[1])
      .filter((target) => target !== 'subgraph-runtime');
    expect(targets.sort()).toEqual(PARTS.map((part) => part.name).sort());
  });
});

describe('the files each image ships (infra/deploy/docker/ship.mjs --list)', () => {
  const shipped = (packageName: string) =>
    execFileSync('node', [join(REPO_ROOT, 'infra/deploy/docker/ship.mjs'), '--list', packageName], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .trim()
      .split('\n');
  const manifestOf = (folder: string) =>
    JSON.parse(readFileSync(join(REPO_ROOT, folder, 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
    };
  const builtParts = PARTS.filter((part) => existsSync(join(REPO_ROOT, part.folder)));

  it.each(builtParts.map((part) => [part.name, part] as const))(
    '%s: its workspace and those its production dependencies name, no more',
    (_name, part) => {
      const folders = shipped(packageOf(part));
      expect(folders[0]).toBe(part.folder);
      const manifests = folders.map(manifestOf);
      const needed = new Set(manifests.flatMap((m) => Object.keys(m.dependencies ?? {})));
      for (const manifest of manifests.slice(1)) expect(needed).toContain(manifest.name);
      // Test helpers are every service's dev dependency; an image must never carry them.
      expect(manifests.map((m) => m.name)).not.toContain('@dash/testing');
      expect(folders.filter((folder) => folder.startsWith('microfrontends/'))).toEqual([]);
    },
  );

  it('installs production dependencies only, with no install scripts', () => {
    const script = readFileSync(join(REPO_ROOT, 'infra/deploy/docker/ship.mjs'), 'utf8');
    expect(script).toContain("'--omit=dev'");
    expect(script).toContain("'--ignore-scripts'");
  });

  it('refuses a package that is not a workspace of this repository', () => {
    expect(() => shipped('left-pad')).toThrow(/left-pad is not a workspace of this repository/);
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('keeps installs, builds, history, local data, secrets and tests out of the build context', () => {
    for (const pattern of [
      '**/node_modules',
      '**/dist',
      '**/.turbo',
      '.git',
      '.data',
      '**/.env',
      '**/test',
    ])
      expect(ignored).toContain(pattern);
  });
});
