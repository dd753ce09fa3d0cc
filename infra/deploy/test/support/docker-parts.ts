import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPH_NODE_ARGS, SUBGRAPHS } from '@dash/manifest';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** What the images put first in NODE_OPTIONS: tracing loads before the part's own modules. */
export const TRACING_PRELOAD = '--import @dash/telemetry/register';

/** One deployable part: its image (and Dockerfile target), its port and how it starts. */
export interface Part {
  name: string;
  /** The repository folder of its workspace. */
  folder: string;
  port: number;
  /** What the image runs, relative to /app (the repository's layout). */
  main: string;
  /**
   * V8 options the image's NODE_OPTIONS carries after the tracing preload (a subgraph's heap
   * caps): in NODE_OPTIONS a deployment can replace them, on the command line it could not.
   */
  heapOptions?: readonly string[];
  /** Subgraphs also migrate, with this command (the process contract). */
  migrate?: string;
  /** The prefix of its DASH_<NAME>_HOST / _PORT settings. */
  setting: string;
}

/**
 * Every part that ships as an image: each subgraph in the manifest, the gateway, the shell and
 * the queue console.
 */
export const PARTS: readonly Part[] = [
  ...SUBGRAPHS.map(({ name, port, folder }) => ({
    name,
    folder,
    port,
    main: `${folder}/dist/main.js`,
    heapOptions: SUBGRAPH_NODE_ARGS,
    migrate: `${folder}/dist/migrate.js`,
    setting: `DASH_${name.toUpperCase().replaceAll('-', '_')}`,
  })),
  {
    name: 'gateway',
    folder: 'gateway',
    port: 4000,
    main: 'gateway/dist/main.js',
    setting: 'DASH_GATEWAY',
  },
  {
    name: 'shell',
    folder: 'shell',
    port: 9000,
    main: 'shell/dist/server/main.js',
    setting: 'DASH_SHELL',
  },
  {
    name: 'console',
    folder: 'infra/console',
    port: 4080,
    main: 'infra/console/dist/main.js',
    setting: 'DASH_CONSOLE',
  },
];

/** The npm package a part's folder holds (named after the part until its folder exists). */
export function packageOf(part: Part): string {
  const manifest = join(REPO_ROOT, part.folder, 'package.json');
  if (!existsSync(manifest)) return `@dash/${part.name}`;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name;
}

/** The image every environment pulls for a part. */
export const imageRepository = (part: Part) => `ghcr.io/express-dashboard/${part.name}`;
