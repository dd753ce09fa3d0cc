import { stripIgnoredCharacters } from 'graphql';

/** The client preset's lookup table, keyed by each document's whole source text. */
const SOURCE_TABLE =
  /\/\*\*\n \* Map of all GraphQL operations[\s\S]*?\nconst documents: Documents = \{[\s\S]*?\n\};\n/;
const TABLE_LOOKUP = 'return (documents as any)[source] ?? {};';
const NAME_LOOKUP = `const [, kind, name] =
    /^\\s*(query|mutation|subscription|fragment)\\s+(\\w+)/.exec(source) ?? [];
  return (types as any)[\`\${name}\${kind === 'fragment' ? 'FragmentDoc' : 'Document'}\`] ?? {};`;

/**
 * `graphql()` finds a document by its operation or fragment name, which the generated module
 * exports, instead of by its source text: the preset's table would ship every document a second
 * time in each bundle.
 */
function lookUpByName(gql: string): string {
  if (!SOURCE_TABLE.test(gql) || !gql.includes(TABLE_LOOKUP))
    throw new Error('The client preset no longer generates the lookup table this build replaces.');
  return gql.replace(SOURCE_TABLE, '').replace(TABLE_LOOKUP, NAME_LOOKUP);
}

/** The documents as sent: without the indentation and line breaks the server ignores. */
function stripDocuments(types: string): string {
  return types.replace(
    /new TypedDocumentString\(`([^`]*)`/g,
    (_, document: string) => `new TypedDocumentString(\`${stripIgnoredCharacters(document)}\``,
  );
}

/** Codegen's last word on each generated file (its `beforeOneFileWrite` hook). */
export function leanDocuments(path: string, content: string): string {
  if (path.endsWith('/gql.ts')) return lookUpByName(content);
  if (path.endsWith('/graphql.ts')) return stripDocuments(content);
  return content;
}
