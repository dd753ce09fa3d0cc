export { apiSchemaOf, readApiSchema, SUPERGRAPH_FILE } from './api-schema.js';
export { documentsConfig, GENERATED_DIR } from './config.js';
export { generateDocuments } from './generate.js';
