import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { publicTypes, supergraphSchema, undescribedElements } from '../src/api-reference/index.js';

const supergraph = async () =>
  supergraphSchema(await readFile(new URL('../supergraph.graphql', import.meta.url), 'utf8'));

describe('the supergraph’s descriptions', () => {
  it('describes every public type, field, argument, input field and enum value', async () => {
    // Add `description:` to the type-graphql decorator of each one listed, then `npm run compose`.
    expect(undescribedElements(await supergraph())).toEqual([]);
  });

  it('leaves the federation machinery out of what it checks', async () => {
    const names = publicTypes(await supergraph()).map((type) => type.name);
    expect(names).toContain('Account');
    expect(names.filter((name) => /^(join__|link__|_|__)/.test(name))).toEqual([]);
    expect(names).not.toContain('String');
  });

  it('reports what lacks a description, by schema coordinate', () => {
    const schema = supergraphSchema(`
      schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query }
      directive @link(url: String, as: String) repeatable on SCHEMA
      scalar join__FieldSet
      enum link__Purpose { SECURITY EXECUTION }
      type Query { """Described.""" thing(id: ID!): Thing }
      type Thing { id: ID! }
      """Described."""
      enum Kind { """Described.""" A B }
    `);
    expect(undescribedElements(schema)).toEqual([
      'Kind.B',
      'Query.thing(id:)',
      'Thing',
      'Thing.id',
    ]);
  });
});
