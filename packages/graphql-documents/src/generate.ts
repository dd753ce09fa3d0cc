import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { readApiSchema } from './api-schema.js';
import { documentsConfig, GENERATED_DIR } from './config.js';

/**
 * Writes a micro-frontend's typed documents afresh. Fails, naming the field or argument, when a
 * document does not match the API schema, and then leaves no documents behind to type against.
 */
export async function generateDocuments(
  microfrontendDir: string,
  apiSchema?: string,
): Promise<void> {
  await rm(join(microfrontendDir, GENERATED_DIR), { recursive: true, force: true });
  await generate(documentsConfig(microfrontendDir, apiSchema ?? (await readApiSchema())), true);
}
