import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { reasonsInSource, renderErrorCatalogue } from './error-catalogue.js';
import { renderApiReference } from './markdown.js';
import { supergraphSchema } from './public-schema.js';

export {
  isInternalTypeName,
  publicTypes,
  supergraphSchema,
  undescribedElements,
} from './public-schema.js';
export {
  CODE_DOCS,
  REASON_DOCS,
  REQUEST_CODE_DOCS,
  reasonsIn,
  reasonsInSource,
} from './error-catalogue.js';

/** The repository root, from gateway/dist/api-reference or gateway/src/api-reference. */
export const REPO_ROOT = new URL('../../../', import.meta.url);
export const API_DOCS_DIR = new URL('docs/api/', REPO_ROOT);

/**
 * docs/api/ as generated from the checked-in supergraph and the source's error reasons: file
 * name → Markdown, formatted as `prettier --check` wants it. Examples (docs/api/examples/) are
 * written by hand and not part of this.
 */
export async function generateApiDocs(repoRoot: URL = REPO_ROOT): Promise<Record<string, string>> {
  const sdl = await readFile(new URL('gateway/supergraph.graphql', repoRoot), 'utf8');
  const pages = renderApiReference(supergraphSchema(sdl));
  pages['errors.md'] = renderErrorCatalogue(await reasonsInSource(repoRoot));
  const formatted: Record<string, string> = {};
  for (const [name, markdown] of Object.entries(pages).sort(([a], [b]) => a.localeCompare(b))) {
    const filepath = fileURLToPath(new URL(`docs/api/${name}`, repoRoot));
    const options = (await resolveConfig(filepath)) ?? {};
    formatted[name] = await format(markdown, { ...options, filepath, parser: 'markdown' });
  }
  return formatted;
}
