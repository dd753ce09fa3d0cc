import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { defaultSubgraphUrl, SUBGRAPHS } from '@dash/contracts';

/** The repository root, from gateway/dist or gateway/src. */
const repoRoot = new URL('../../', import.meta.url);
export const SUPERGRAPH_FILE = new URL('gateway/supergraph.graphql', repoRoot);

/** Reads each subgraph's checked-in `services/<name>/schema.graphql`. */
export async function readSubgraphSdls() {
  return Promise.all(
    SUBGRAPHS.map(async ({ name, defaultPort }) => ({
      name,
      // Only a placeholder: the gateway routes by name to the URLs in its configuration.
      url: defaultSubgraphUrl(defaultPort),
      typeDefs: parse(await readFile(new URL(`services/${name}/schema.graphql`, repoRoot), 'utf8')),
    })),
  );
}

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`Supergraph composition failed:\n${messages.map((m) => `  - ${m}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes the subgraphs' SDL into the supergraph SDL the gateway serves. */
export async function composeSupergraph(): Promise<string> {
  const result = composeServices(await readSubgraphSdls());
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return `${result.supergraphSdl.trim()}\n`;
}
