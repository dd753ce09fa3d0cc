import { readFile } from 'node:fs/promises';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';

/** The composed supergraph the gateway serves, committed by `npm run compose`. */
export const SUPERGRAPH_FILE = new URL('../../../gateway/supergraph.graphql', import.meta.url);

/**
 * The schema a browser sees through the gateway: the supergraph without its join and link
 * machinery and without anything marked @inaccessible. Documents are checked against this, so a
 * field only the query planner knows cannot slip into a micro-frontend.
 */
export function apiSchemaOf(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
}

export async function readApiSchema(file: URL = SUPERGRAPH_FILE): Promise<string> {
  return apiSchemaOf(await readFile(file, 'utf8'));
}
