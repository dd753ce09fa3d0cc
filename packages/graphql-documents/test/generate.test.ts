import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocuments, readApiSchema } from '../src/index.js';

const BANNER_DOCUMENT = new URL(
  '../../../microfrontends/banner/src/banner-query.ts',
  import.meta.url,
);

describe('typed documents from the supergraph', () => {
  let apiSchema: string;
  let workspace: string;

  beforeAll(async () => {
    apiSchema = await readApiSchema();
    workspace = await mkdtemp(join(tmpdir(), 'graphql-documents-'));
    await mkdir(join(workspace, 'src'));
  });
  afterAll(() => rm(workspace, { recursive: true, force: true }));

  /** A throwaway micro-frontend holding the banner's document, as changed by `edit`. */
  async function bannerWith(edit: (source: string) => string) {
    const source = await readFile(BANNER_DOCUMENT, 'utf8');
    await writeFile(join(workspace, 'src', 'banner-query.ts'), edit(source));
    return generateDocuments(workspace, apiSchema);
  }

  it('checks documents against the API schema, not the supergraph with its join machinery', () => {
    expect(apiSchema).toContain('type Account {');
    expect(apiSchema).not.toMatch(/join__|link__|@inaccessible/);
  });

  it('types a document that matches the schema by its result and variables', async () => {
    await bannerWith((source) => source);
    const types = await readFile(join(workspace, 'src/generated/graphql.ts'), 'utf8');
    expect(types).toMatch(
      /export type BannerQuery = \{ me: \{ id: string, detailsSubmitted: boolean/,
    );
    expect(types).toContain('BannerDocument = new TypedDocumentString(`query Banner{me{id ');
  });

  it('ships each document once: graphql() finds it by name, not in a table keyed by its text', async () => {
    await bannerWith((source) => source);
    const tag = await readFile(join(workspace, 'src/generated/gql.ts'), 'utf8');
    expect(tag).not.toContain('const documents');
    expect(tag).toMatch(/export function graphql\(source: "\\n {2}query Banner \{/);
  });

  it('refuses a document asking for a field the schema does not have, naming it', async () => {
    await expect(
      bannerWith((source) => source.replace('detailsSubmitted', 'detailsSubmittedAt')),
    ).rejects.toThrow(/Cannot query field "detailsSubmittedAt" on type "Account"/);
  });

  it('refuses an argument the field does not take', async () => {
    await expect(
      bannerWith((source) => source.replace('notices {', 'notices(first: 5) {')),
    ).rejects.toThrow(/Unknown argument "first" on field "Account.notices"/);
  });
});
