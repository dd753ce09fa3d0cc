import { readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { API_DOCS_DIR, generateApiDocs } from './api-reference/index.js';

// `npm run docs:api` (and `npm run compose` after it): docs/api/*.md from the supergraph.
const pages = await generateApiDocs();
await mkdir(API_DOCS_DIR, { recursive: true });
for (const entry of await readdir(API_DOCS_DIR, { withFileTypes: true }))
  if (entry.isFile() && entry.name.endsWith('.md') && !(entry.name in pages))
    await rm(new URL(entry.name, API_DOCS_DIR));
for (const [name, markdown] of Object.entries(pages))
  await writeFile(new URL(name, API_DOCS_DIR), markdown);
console.log(`Wrote ${Object.keys(pages).length} pages to ${fileURLToPath(API_DOCS_DIR)}`);
