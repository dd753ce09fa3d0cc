#!/usr/bin/env node
/*
 * Gathers what one part's runtime image holds, from a workspace that is already built:
 *
 *   node infra/deploy/docker/ship.mjs <package> <out-dir> [extra-workspace-folder ...]
 *   node infra/deploy/docker/ship.mjs --list <package> [extra-workspace-folder ...]
 *
 * <out-dir> receives the root package.json and lockfile, the production dependencies of
 * <package> alone (`npm ci --omit=dev --workspace`), and the built files of every workspace
 * <package> imports at run time (followed through the lockfile's production dependencies), laid
 * out as in the repository so `node <folder>/dist/main.js` works from <out-dir>. Extra folders
 * are shipped too: the shell serves the micro-frontends' builds without importing them.
 * `--list` prints the workspace folders that would be shipped, one a line, and installs nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** What a workspace needs at run time: its manifest, its build, and the data files it reads. */
const RUNTIME_FILES = ['package.json', 'dist', 'static', 'supergraph.graphql'];

/** The root files npm needs to install a workspace's dependencies exactly as locked. */
const ROOT_FILES = ['package.json', 'package-lock.json', '.npmrc'];

function readLockfile() {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
}

function workspaceFolderOf(lock, packageName) {
  const folder = Object.keys(lock.packages).find(
    (key) => key !== '' && !key.includes('node_modules') && lock.packages[key].name === packageName,
  );
  if (!folder) throw new Error(`${packageName} is not a workspace of this repository`);
  return folder;
}

/** The lockfile entry npm resolves `name` to from `folder` (nested first, as node does). */
function resolveFrom(lock, folder, name) {
  return lock.packages[`${folder}/node_modules/${name}`] ?? lock.packages[`node_modules/${name}`];
}

/**
 * The workspace folders `packageName` needs in production: itself and every workspace reached
 * through `dependencies` (never `devDependencies`, which stay out of the image).
 */
export function workspaceClosure(lock, packageName) {
  const start = workspaceFolderOf(lock, packageName);
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const folder = queue.shift();
    for (const name of Object.keys(lock.packages[folder].dependencies ?? {})) {
      const entry = resolveFrom(lock, folder, name);
      if (entry?.link && !seen.has(entry.resolved)) {
        seen.add(entry.resolved);
        queue.push(entry.resolved);
      }
    }
  }
  return [...seen];
}

function copyIfPresent(from, to) {
  if (!existsSync(from)) return;
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}

function ship(packageName, outDir, extraFolders) {
  const lock = readLockfile();
  const folders = [...workspaceClosure(lock, packageName), ...extraFolders];
  for (const file of ROOT_FILES) copyIfPresent(join(REPO_ROOT, file), join(outDir, file));
  // npm checks every workspace the lockfile names, so each one's manifest comes along.
  for (const key of Object.keys(lock.packages)) {
    if (key !== '' && !key.includes('node_modules') && !lock.packages[key].link)
      copyIfPresent(join(REPO_ROOT, key, 'package.json'), join(outDir, key, 'package.json'));
  }
  // Install scripts stay off: no production dependency needs one to run, and none runs unseen.
  execFileSync(
    'npm',
    [
      'ci',
      '--omit=dev',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      `--workspace=${packageName}`,
    ],
    { cwd: outDir, stdio: 'inherit' },
  );
  for (const folder of folders) {
    for (const file of RUNTIME_FILES)
      copyIfPresent(join(REPO_ROOT, folder, file), join(outDir, folder, file));
  }
}

const [first, ...rest] = process.argv.slice(2);
process.on('uncaughtException', (error) => {
  process.stderr.write(`ship.mjs: ${error.message}\n`);
  process.exit(1);
});
if (first === '--list') {
  const [packageName, ...extraFolders] = rest;
  const folders = [...workspaceClosure(readLockfile(), packageName), ...extraFolders];
  process.stdout.write(`${folders.join('\n')}\n`);
} else if (first && rest.length > 0) {
  const [outDir, ...extraFolders] = rest;
  ship(first, resolve(outDir), extraFolders);
} else {
  process.stderr.write(
    'usage: ship.mjs <package> <out-dir> [extra-folder ...] | --list <package>\n',
  );
  process.exit(64);
}
