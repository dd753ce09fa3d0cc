import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MicrofrontendEntry, SubgraphEntry } from './entries.js';
import { MICROFRONTENDS, SUBGRAPHS } from './manifest.js';

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/** A name as the manifest allows it: lower case words joined by hyphens. */
export const FEATURE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The repository root (from packages/manifest/src and packages/manifest/dist alike). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A path inside a workspace folder named by the manifest. */
export const workspacePath = (folder: string, ...parts: string[]) =>
  fileURLToPath(new URL([folder, ...parts].join('/'), pathToFileURL(REPO_ROOT)));

/** Loads a workspace's main module (its package's `exports['.']`) from its folder. */
export async function importWorkspace(folder: string): Promise<Record<string, unknown>> {
  const packageJson = JSON.parse(await readFile(workspacePath(folder, 'package.json'), 'utf8')) as {
    exports: { '.': { default: string } };
  };
  return (await import(
    pathToFileURL(workspacePath(folder, packageJson.exports['.'].default)).href
  )) as Record<string, unknown>;
}

export const subgraphEntry = (name: string): SubgraphEntry | undefined =>
  (SUBGRAPHS as readonly SubgraphEntry[]).find((entry) => entry.name === name);

/** `DASH_<NAME>_<SETTING>`: the environment variable of one setting of a part of the house. */
export const settingName = (name: string, setting: string) =>
  `DASH_${name.toUpperCase().replaceAll('-', '_')}_${setting}`;

/** A subgraph's GraphQL endpoint on this machine. */
export const loopbackSubgraphUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** Where a subgraph answers when nothing configures it otherwise (loopback, its own port). */
export const defaultSubgraphUrl = (name: SubgraphName) =>
  loopbackSubgraphUrl(subgraphEntry(name)!.port);

/** The variable that tells the gateway (and any service that calls one) where a subgraph is. */
export const subgraphUrlVariable = (name: string) => settingName(name, 'URL');

/** A manifest name as code spells it: `gift-cards` → `giftCards`. */
export const camelCaseName = (name: string) =>
  name.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

/** The name a subgraph's package exports its ServiceDefinition under: `giftCardsService`. */
export const serviceExportName = (name: string) => `${camelCaseName(name)}Service`;

/** The URL the shell serves a micro-frontend's entry module from. */
export const microfrontendUrl = (entry: Pick<MicrofrontendEntry, 'name'>) =>
  `/apps/${entry.name}/${entry.name}.js`;

/** The import map's entries for the micro-frontends, by package name. */
export function microfrontendImports(
  entries: readonly MicrofrontendEntry[] = MICROFRONTENDS,
): Record<string, string> {
  return Object.fromEntries(
    [...entries]
      .sort((a, b) => a.package.localeCompare(b.package))
      .map((entry) => [entry.package, microfrontendUrl(entry)]),
  );
}

export interface LayoutRoute {
  /** '/' (home, matched exactly) or a first path segment. */
  path: string;
  /** The applications mounted on it, top to bottom. */
  applications: string[];
}

/** The single-spa layout: each page and the micro-frontends it mounts. */
export function layoutRoutes(
  entries: readonly MicrofrontendEntry[] = MICROFRONTENDS,
): LayoutRoute[] {
  const pages = new Map<string, { public: boolean; own: string[] }>();
  for (const entry of entries) {
    if (entry.routes === 'signed-in') continue;
    for (const path of entry.routes) {
      const page = pages.get(path) ?? { public: false, own: [] };
      page.public ||= entry.public === true;
      page.own.push(entry.package);
      pages.set(path, page);
    }
  }
  const everySignedInPage = entries
    .filter((entry) => entry.routes === 'signed-in')
    .map((entry) => entry.package);
  const ordered = [...pages].sort(([a], [b]) => Number(b === '/') - Number(a === '/'));
  return ordered.map(([path, page]) => ({
    path,
    applications: page.public ? page.own : [...everySignedInPage, ...page.own],
  }));
}

export interface NavigationLink {
  href: string;
  /** The shared message that translates it. */
  messageKey: string;
  text: string;
}

/** The navigation: home, then each micro-frontend that asks for a link. */
export function navigationLinks(
  entries: readonly MicrofrontendEntry[] = MICROFRONTENDS,
): NavigationLink[] {
  return [
    { href: '/', messageKey: 'nav.home', text: 'Home' },
    ...entries.flatMap((entry) =>
      entry.nav && entry.routes !== 'signed-in' && entry.routes[0]
        ? [{ href: `/${entry.routes[0]}`, messageKey: `nav.${entry.name}`, text: entry.nav }]
        : [],
    ),
  ];
}

/** What is wrong with the manifest (empty when nothing): duplicate names, ports or packages. */
/** The custom element an embedded component is mounted as: `notification_banner` → `dash-notification-banner`. */
export const embedElementName = (component: string) => `dash-${component.replaceAll('_', '-')}`;

/** The micro-frontends platforms may embed, by their component name. */
export function embeddableMicrofrontends(
  entries: readonly MicrofrontendEntry[] = MICROFRONTENDS,
): Record<string, MicrofrontendEntry> {
  return Object.fromEntries(
    entries.flatMap((entry) => (entry.embed ? [[entry.embed, entry] as const] : [])),
  );
}

export function manifestProblems(
  subgraphs: readonly SubgraphEntry[] = SUBGRAPHS,
  microfrontends: readonly MicrofrontendEntry[] = MICROFRONTENDS,
): string[] {
  const problems: string[] = [];
  const duplicates = (kind: string, values: ReadonlyArray<string | number>) => {
    const seen = new Set<string | number>();
    for (const value of values) {
      if (seen.has(value)) problems.push(`${kind} ${value} is listed twice`);
      seen.add(value);
    }
  };
  duplicates(
    'subgraph',
    subgraphs.map((entry) => entry.name),
  );
  duplicates(
    'port',
    subgraphs.map((entry) => entry.port),
  );
  duplicates(
    'micro-frontend',
    microfrontends.map((entry) => entry.name),
  );
  duplicates(
    'package',
    microfrontends.map((entry) => entry.package),
  );
  duplicates(
    'embedded component',
    microfrontends.flatMap((entry) => (entry.embed ? [entry.embed] : [])),
  );
  for (const { name } of [...subgraphs, ...microfrontends])
    if (!FEATURE_NAME.test(name))
      problems.push(`${name} is not lower-case words joined by hyphens`);
  for (const entry of microfrontends)
    for (const path of entry.routes === 'signed-in' ? [] : entry.routes)
      if (path !== '/' && !FEATURE_NAME.test(path))
        problems.push(`${entry.name}'s route ${path} is not '/' or one path segment`);
  return problems;
}
