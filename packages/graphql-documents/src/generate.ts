import { generate } from '@graphql-codegen/cli';
import { readApiSchema } from './api-schema.js';
import { documentsConfig } from './config.js';

/**
 * Writes a micro-frontend's typed documents. Fails, naming the field or argument, when a
 * document does not match the API schema.
 */
export async function generateDocuments(
  microfrontendDir: string,
  apiSchema?: string,
): Promise<void> {
  await generate(documentsConfig(microfrontendDir, apiSchema ?? (await readApiSchema())), true);
}
