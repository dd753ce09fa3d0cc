import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { microfrontendFiles } from './microfrontend-files.js';
import { featureNames, type FeatureNames } from './names.js';
import { subgraphFiles } from './subgraph-files.js';

/** Where the manifest's source is, from the repository root. */
export const MANIFEST_SOURCE = 'packages/manifest/src/manifest.ts';

export interface ScaffoldedFeature {
  names: FeatureNames;
  port: number;
  subgraphFolder: string;
  microfrontendFolder: string;
}

/** Pads the fields to the columns of the list's first line, so the manifest stays a table. */
function alignLike(previous: string, fields: string[]): string {
  let line = '  {';
  for (const field of fields) {
    const key = field.slice(0, field.indexOf(':') + 1);
    const column = previous.indexOf(` ${key}`);
    line = `${line.padEnd(Math.max(column, line.length))} ${field}`;
  }
  return `${line} },`;
}

/** Adds `fields` as the last entry of the list that ends with `closing`. */
function addEntry(source: string, closing: string, fields: string[]): string {
  const end = source.indexOf(closing);
  if (end < 0) throw new Error(`${MANIFEST_SOURCE} has no list ending in "${closing}"`);
  const before = source.slice(0, end);
  const first = before.slice(before.lastIndexOf('= [\n') + 4).split('\n')[0] ?? '';
  return `${before}${alignLike(first, fields)}\n${source.slice(end)}`;
}

async function writeFiles(root: string, folder: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, folder, path);
    await mkdir(dirname(target), { recursive: true });
    // Formatted as the repository formats code: names of any length keep the style check green.
    const options = { ...(await resolveConfig(target)), filepath: target };
    await writeFile(target, await format(content, options));
  }
}

/**
 * Starts a feature in the repository at `root`: one subgraph folder, one micro-frontend folder and
 * their two manifest lines. The subgraph takes the port after the highest one listed.
 */
export async function scaffoldFeature(
  root: string,
  name: string,
  now = Date.now(),
): Promise<ScaffoldedFeature> {
  const names = featureNames(name);
  const subgraphFolder = `services/${name}`;
  const microfrontendFolder = `microfrontends/${name}`;
  const manifestFile = join(root, MANIFEST_SOURCE);
  let manifest = await readFile(manifestFile, 'utf8');
  if (manifest.includes(`name: '${name}'`))
    throw new Error(`${name} is in the manifest already (${MANIFEST_SOURCE})`);
  for (const folder of [subgraphFolder, microfrontendFolder])
    if (existsSync(join(root, folder))) throw new Error(`${folder} exists already`);

  const port = Math.max(...[...manifest.matchAll(/port: (\d+)/g)].map((m) => Number(m[1]))) + 1;
  manifest = addEntry(manifest, '] as const satisfies readonly SubgraphEntry[]', [
    `name: '${name}',`,
    `port: ${port},`,
    `folder: '${subgraphFolder}'`,
  ]);
  const navText = name.replaceAll('-', ' ').replace(/^./, (letter) => letter.toUpperCase());
  manifest = addEntry(manifest, '] as const satisfies readonly MicrofrontendEntry[]', [
    `name: '${name}',`,
    `package: '@dash/${name}-app',`,
    `folder: '${microfrontendFolder}',`,
    `routes: ['${name}'], nav: '${navText}'`,
  ]);

  await writeFiles(root, subgraphFolder, subgraphFiles(names, now));
  await writeFiles(root, microfrontendFolder, microfrontendFiles(names));
  await writeFile(manifestFile, manifest);
  return { names, port, subgraphFolder, microfrontendFolder };
}
