/**
 * The subgraphs that make up the supergraph, with their default local ports. Adding a feature's
 * subgraph means adding it here, then running `npm run compose`.
 */
export const SUBGRAPHS = [
  { name: 'identity', defaultPort: 4001 },
  { name: 'ledger', defaultPort: 4002 },
  { name: 'payouts', defaultPort: 4003 },
  { name: 'disputes', defaultPort: 4004 },
  { name: 'notifications', defaultPort: 4005 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const defaultSubgraphUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** The variable that tells the gateway (and any service that calls one) where a subgraph is. */
export const subgraphUrlVariable = (name: SubgraphName) => `DASH_${name.toUpperCase()}_URL`;
