import { REPO_ROOT } from '../derive.js';
import { MANIFEST_SOURCE, scaffoldFeature } from './scaffold.js';

/** `npm run new-feature -- <name>`: one subgraph folder, one micro-frontend folder, one line each. */
const name = process.argv[2];
if (!name) {
  console.error('Usage: npm run new-feature -- <name>   (lower-case words joined by hyphens)');
  process.exit(64);
}
try {
  const feature = await scaffoldFeature(REPO_ROOT, name);
  console.log(`Started ${name}:
  ${feature.subgraphFolder}/  subgraph @dash/${name} on port ${feature.port} (${feature.names.settings}_PORT)
  ${feature.microfrontendFolder}/  micro-frontend @dash/${name}-app, mounted at /${name}
  ${MANIFEST_SOURCE}  one line for each

Next:
  npm install        links the two new workspaces
  npm run build
  npm run compose    prints the subgraph's schema and composes it into the supergraph
  npm start          the dashboard now has /${name}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
