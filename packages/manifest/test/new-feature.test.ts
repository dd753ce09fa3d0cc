import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/index.js';
import { scaffoldFeature } from '../src/scaffold/scaffold.js';

const run = promisify(execFile);
const SKIPPED = new Set(['node_modules', '.git', '.turbo', '.data', 'coverage']);

/**
 * A copy of the repository to scaffold in, never the real tree: its sources and builds, and a
 * node_modules whose libraries are the real ones but whose @dash packages are the copy's folders
 * (as `npm install` links workspaces).
 */
async function copyOfRepository(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'dash-new-feature-'));
  const nested: string[] = [];
  await cp(REPO_ROOT, copy, {
    recursive: true,
    filter: (source) => {
      const name = source.slice(source.lastIndexOf('/') + 1);
      if (name === 'node_modules' && source !== join(REPO_ROOT, 'node_modules'))
        nested.push(source);
      return !SKIPPED.has(name);
    },
  });
  const modules = join(REPO_ROOT, 'node_modules');
  await mkdir(join(copy, 'node_modules/@dash'), { recursive: true });
  for (const entry of await readdir(modules))
    if (entry !== '@dash') await symlink(join(modules, entry), join(copy, 'node_modules', entry));
  for (const entry of await readdir(join(modules, '@dash')))
    await symlink(
      await readlink(join(modules, '@dash', entry)),
      join(copy, 'node_modules/@dash', entry),
    );
  for (const folder of nested) await symlink(folder, join(copy, relative(REPO_ROOT, folder)));
  return copy;
}

interface ShellOptions {
  host: string;
  port: number;
  gatewayUrl: string;
}
interface Shell {
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
}

let copy = '';
const bin = (name: string) => join(copy, 'node_modules/.bin', name);
const inCopy = (command: string, args: string[], cwd = copy) =>
  run(command, args, {
    cwd,
    env: { ...process.env, NODE_ENV: 'test', NO_COLOR: '1' },
    timeout: 90_000,
  });

beforeAll(async () => {
  copy = await copyOfRepository();
}, 60_000);
afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('npm run new-feature', { timeout: 110_000 }, () => {
  it('starts a feature that is composed into the supergraph and mounted by the shell', async () => {
    const feature = await scaffoldFeature(copy, 'gift-cards', 1_800_000_000_000);
    expect(feature.port).toBe(4006);
    expect(existsSync(join(REPO_ROOT, 'services/gift-cards'))).toBe(false);
    const manifest = await readFile(join(copy, 'packages/manifest/src/manifest.ts'), 'utf8');
    expect(manifest).toContain(
      "{ name: 'gift-cards',    port: 4006, folder: 'services/gift-cards' },",
    );
    // What `npm install` does for the two new workspaces.
    await symlink('../../services/gift-cards', join(copy, 'node_modules/@dash/gift-cards'));
    await symlink(
      '../../microfrontends/gift-cards',
      join(copy, 'node_modules/@dash/gift-cards-app'),
    );

    await inCopy(bin('tsc'), ['-p', 'packages/manifest/tsconfig.build.json']);
    await Promise.all([
      inCopy(bin('tsc'), ['-p', 'services/gift-cards/tsconfig.build.json']).then(() =>
        inCopy(process.execPath, ['services/gift-cards/dist/print-schema.js']),
      ),
      inCopy(
        bin('vite'),
        ['build', '--logLevel', 'error'],
        join(copy, 'microfrontends/gift-cards'),
      ),
    ]);

    const { composeSupergraph } = (await import(
      pathToFileURL(join(copy, 'gateway/dist/index.js')).href
    )) as { composeSupergraph(): Promise<string> };
    const supergraph = await composeSupergraph();
    expect(supergraph).toMatch(/GIFT_CARDS @join__graph\(name: "gift-cards"/);
    expect(supergraph).toMatch(/giftCardsNotes\(accountId: ID\): \[GiftCardsNote!\]!/);

    const { createShellServer } = (await import(
      pathToFileURL(join(copy, 'shell/dist/server/index.js')).href
    )) as { createShellServer(options: ShellOptions): Shell };
    const shell = createShellServer({
      host: '127.0.0.1',
      port: 0,
      gatewayUrl: 'http://127.0.0.1:9/graphql',
    });
    const { url } = await shell.start();
    try {
      const page = await (await fetch(`${url}/gift-cards`)).text();
      const entryUrl =
        /"@dash\/gift-cards-app": "(\/apps\/gift-cards\/[0-9a-f]{16}\/gift-cards\.js)"/.exec(
          page,
        )?.[1];
      expect(entryUrl).toBeDefined();
      expect(page).toMatch(
        /<route path="gift-cards">\s*<application name="@dash\/banner"><\/application>\s*<application name="@dash\/gift-cards-app"><\/application>\s*<\/route>/,
      );
      expect(page).toContain('<a href="/gift-cards" data-i18n="nav.gift-cards">Gift cards</a>');
      const entry = await fetch(`${url}${entryUrl}`);
      expect(entry.status).toBe(200);
      expect(entry.headers.get('content-type')).toMatch(/javascript/);
      expect(await entry.text()).toMatch(/export\s*\{[^}]*mount/);
    } finally {
      await shell.stop();
    }

    // The feature's own tests pass as scaffolded: its subgraph on MariaDB, its page in happy-dom.
    const [subgraphTests, pageTests] = await Promise.all(
      ['services/gift-cards', 'microfrontends/gift-cards'].map((folder) =>
        inCopy(bin('vitest'), ['run'], join(copy, folder)),
      ),
    );
    expect(subgraphTests!.stdout).toMatch(/Tests\s+2 passed/);
    expect(pageTests!.stdout).toMatch(/Tests\s+2 passed/);
  });
});
