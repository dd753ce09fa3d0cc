export type { MicrofrontendEntry, SubgraphEntry } from './entries.js';
export { MICROFRONTENDS, SUBGRAPH_NODE_ARGS, SUBGRAPHS } from './manifest.js';
export {
  defaultSubgraphUrl,
  embeddableMicrofrontends,
  embedElementName,
  FEATURE_NAME,
  importWorkspace,
  layoutRoutes,
  loopbackSubgraphUrl,
  manifestProblems,
  microfrontendImports,
  microfrontendUrl,
  navigationLinks,
  REPO_ROOT,
  serviceExportName,
  settingName,
  subgraphEntry,
  subgraphUrlVariable,
  workspacePath,
  type LayoutRoute,
  type NavigationLink,
  type SubgraphName,
} from './derive.js';
