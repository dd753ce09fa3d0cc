import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { defaultSubgraphUrl, SUBGRAPHS, workspacePath } from '@dash/manifest';

/** The repository root, from gateway/dist or gateway/src. */
const repoRoot = new URL('../../', import.meta.url);
export const SUPERGRAPH_FILE = new URL('gateway/supergraph.graphql', repoRoot);

/** Reads each subgraph's checked-in `schema.graphql`, from its folder in the manifest. */
export async function readSubgraphSdls() {
  return Promise.all(
    SUBGRAPHS.map(async ({ name, folder }) => ({
      name,
      // Only a placeholder: the gateway routes by name to the URLs in its configuration.
      url: defaultSubgraphUrl(name),
      typeDefs: parse(await readFile(workspacePath(folder, 'schema.graphql'), 'utf8')),
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
