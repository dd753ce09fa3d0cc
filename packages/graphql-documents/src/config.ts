import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { leanDocuments } from './lean-documents.js';

/** Where a micro-frontend's generated documents go, beside the sources that declare them. */
export const GENERATED_DIR = 'src/generated';

/**
 * One micro-frontend's documents: every `graphql(\`…\`)` in its sources, validated against the
 * API schema and typed by it. Documents travel as plain strings (no parsed AST in the bundle),
 * each once.
 */
export function documentsConfig(microfrontendDir: string, apiSchema: string): CodegenConfig {
  return {
    schema: apiSchema,
    documents: [
      join(microfrontendDir, 'src/**/*.{ts,vue}'),
      `!${join(microfrontendDir, GENERATED_DIR, '**')}`,
    ],
    ignoreNoDocuments: false,
    silent: true,
    hooks: { beforeOneFileWrite: [leanDocuments] },
    generates: {
      [`${join(microfrontendDir, GENERATED_DIR)}/`]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          documentMode: 'string',
          // Types only: enums become string unions, and no type the documents do not use.
          enumsAsTypes: true,
          onlyOperationTypes: true,
          skipTypename: true,
          // A nullable field is there as null, not left out; input fields may still be left out.
          avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
          useTypeImports: true,
          strictScalars: true,
          scalars: {
            DateTimeISO: 'string',
            SafeInt: 'number',
            JSONObject: 'Record<string, unknown>',
          },
        },
      },
    },
  };
}
