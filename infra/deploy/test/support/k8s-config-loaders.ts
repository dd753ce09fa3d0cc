import { loadDisputesConfig } from '@dash/disputes';
import { loadGatewayConfig } from '@dash/gateway';
import { SUBGRAPHS } from '@dash/manifest';
import { loadPayoutsConfig } from '@dash/payouts';
import { loadShellConfig } from '@dash/shell';
import { loadSubgraphConfig } from '@dash/subgraph';
import { COMPONENT, NAME, podLabels, type EnvResolver } from './k8s-checks.js';
import { commandLine, containersOf, idOf, workloads } from './k8s-objects.js';
import type { K8sObject } from './k8s-render.js';

type Loader = (env: Record<string, string>) => unknown;

const SUBGRAPH_NAMES = new Set<string>(SUBGRAPHS.map(({ name }) => name));

/** The services' own loaders the packages export, beside the settings every subgraph reads. */
const SERVICE_LOADERS: Record<string, Loader> = {
  payouts: loadPayoutsConfig,
  disputes: loadDisputesConfig,
};

/** The config loaders a container's process runs at start, from its part's labels. */
function loadersFor(labels: Record<string, string>): Loader[] {
  const name = labels[NAME] ?? '';
  if (labels[COMPONENT] === 'migration') return [];
  if (SUBGRAPH_NAMES.has(name)) {
    const own = SERVICE_LOADERS[name];
    return [(env) => loadSubgraphConfig(name, env), ...(own ? [own] : [])];
  }
  if (name === 'gateway') return [loadGatewayConfig];
  if (name === 'shell') return [loadShellConfig];
  return [];
}

/**
 * Runs each part's real config loaders (the zod schemas that refuse to start a process) on the
 * environment its container would get, so a variable the part requires in production and the
 * manifests forget, or a value it refuses, is a problem here rather than a crash loop there.
 * A migration container runs its subgraph's loader, named by the script it runs.
 */
export function configLoaderProblems(objects: K8sObject[], env: EnvResolver): string[] {
  return workloads(objects).flatMap((workload) =>
    containersOf(workload).flatMap((container) => {
      const migrating = /^node services\/([a-z-]+)\/dist\/migrate\.js$/.exec(
        commandLine(container),
      )?.[1];
      const loaders = migrating
        ? [(values: Record<string, string>) => loadSubgraphConfig(migrating, values)]
        : loadersFor(podLabels(workload));
      return loaders.flatMap((load) => {
        try {
          load(env(workload, container));
          return [];
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return [`${idOf(workload)} container ${container.name}: ${message}`];
        }
      });
    }),
  );
}

export { loadGatewayConfig, loadShellConfig };
