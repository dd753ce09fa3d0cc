import {
  defaultSubgraphUrl as defaultUrlOf,
  loopbackSubgraphUrl,
  SUBGRAPHS as MANIFEST_SUBGRAPHS,
  type SubgraphName,
} from '@dash/manifest';

export { subgraphUrlVariable, type SubgraphName } from '@dash/manifest';

/**
 * The subgraphs that make up the supergraph, as the manifest (@dash/manifest) lists them.
 * `defaultPort` remains for the services' configuration until they ask `defaultSubgraphUrl(name)`.
 */
export const SUBGRAPHS = MANIFEST_SUBGRAPHS.map(({ name, port }) => ({ name, defaultPort: port }));

/** Where a subgraph answers by default: by its name (the manifest's port), or at a given port. */
export const defaultSubgraphUrl = (subgraph: SubgraphName | number) =>
  typeof subgraph === 'number' ? loopbackSubgraphUrl(subgraph) : defaultUrlOf(subgraph);
