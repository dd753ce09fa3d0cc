import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS, queryLimitRules } from '../src/query-limits.js';

// A schema with a cycle, so a query can be made as deep or as wide as an attacker likes.
const schema = buildSchema(`
  type Node { id: ID! name: String child: Node children(first: Int): [Node!]! }
  type Query { node: Node }
`);
const check = (query: string) =>
  validate(schema, parse(query), queryLimitRules).map((error) => error.message);
const nested = (depth: number) =>
  `{ node { ${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;

describe('query limits', () => {
  it('allow ordinary queries', () => {
    expect(check('{ node { id name child { id } } }')).toEqual([]);
    expect(check(nested(QUERY_LIMITS.maxDepth))).toEqual([]);
  });

  it('refuse queries nested deeper than the limit', () => {
    expect(check(nested(QUERY_LIMITS.maxDepth + 2)).join()).toMatch(/depth/i);
  });

  it('refuse alias fan-out', () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `n${i}: node { id }`,
    ).join(' ');
    expect(check(`{ ${aliases} }`).join()).toMatch(/alias/i);
  });

  it('refuse queries whose cost is too high even when shallow and alias-free', () => {
    // Lists multiply: 100 children of 100 children each is 10,000 nodes from a 3-level query.
    expect(check('{ node { children(first: 10) { id name } } }')).toEqual([]);
    expect(
      check('{ node { children(first: 100) { children(first: 100) { id } } } }').join(),
    ).toMatch(/cost/i);
  });
});
