import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  costDependsOnVariables,
  costOf,
  operationCost,
  QUERY_LIMITS,
  queryLimitRules,
} from '../src/query-limits.js';

// A schema with a cycle, so a query can be made as deep or as wide as an attacker likes.
const schema = buildSchema(`
  type Node {
    id: ID!
    name: String
    child: Node
    children(first: Int): [Node!]!
    page(first: Int! = 100): [Node!]!
  }
  type Query { node: Node }
`);
const check = (query: string) =>
  validate(schema, parse(query), queryLimitRules).map((error) => error.message);
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  costOf(schema, parse(query), variables);
const nested = (depth: number) =>
  `{ node { ${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;

describe('query limits', () => {
  it('allow ordinary queries', () => {
    expect(check('{ node { id name child { id } } }')).toEqual([]);
    expect(check(nested(QUERY_LIMITS.maxDepth))).toEqual([]);
    expect(cost('{ node { id name child { id } } }')).toBeLessThan(10);
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

  it('price queries by their page sizes, so huge pages of huge pages cost too much', () => {
    // Lists multiply: 100 children of 100 children each is 10,000 nodes from a 3-level query.
    expect(cost('{ node { children(first: 10) { id name } } }')).toBeLessThan(QUERY_LIMITS.maxCost);
    expect(
      cost('{ node { children(first: 100) { children(first: 100) { id } } } }'),
    ).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });

  it('price a page size passed as a variable exactly like the same literal', () => {
    const literal = cost('{ node { children(first: 100) { children(first: 100) { id } } } }');
    const variables = cost(
      'query($n: Int, $m: Int) { node { children(first: $n) { children(first: $m) { id } } } }',
      { n: 100, m: 100 },
    );
    expect(variables).toBe(literal);
    expect(variables).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });

  it('price an argument left to its default at the default', () => {
    expect(cost('{ node { page { page { id } } } }')).toBe(
      cost('{ node { page(first: 100) { page(first: 100) { id } } } }'),
    );
    expect(cost('{ node { page { page { id } } } }')).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });

  it('count every alias of __typename', () => {
    const typenames = (n: number) =>
      `{ node { children(first: 100) { ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} } } }`;
    expect(cost(typenames(60))).toBeGreaterThan(QUERY_LIMITS.maxCost);
    expect(cost(typenames(20))).toBeLessThan(cost(typenames(40)));
  });
});

describe('operation cost, remembered per document', () => {
  it('knows which variables can change a cost: page sizes and directives, not input', () => {
    expect(
      costDependsOnVariables(parse('query($n: Int) { node { children(first: $n) { id } } }')),
    ).toBe(true);
    expect(
      costDependsOnVariables(
        parse('query($x: Boolean!) { node { id child @include(if: $x) { id } } }'),
      ),
    ).toBe(true);
    expect(
      costDependsOnVariables(parse('query($id: ID) { node { children(first: 5) { id } } }')),
    ).toBe(false);
  });

  it('prices a document again for each request whose variables change its cost', () => {
    const document = parse(
      'query($n: Int, $m: Int) { node { children(first: $n) { children(first: $m) { id } } } }',
    );
    const cheap = operationCost(schema, document, { n: 2, m: 2 });
    const costly = operationCost(schema, document, { n: 100, m: 100 });
    expect(cheap).toBe(costOf(schema, document, { n: 2, m: 2 }));
    expect(costly).toBe(costOf(schema, document, { n: 100, m: 100 }));
    expect(costly).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });

  it('gives each operation of a document its own cost', () => {
    const document = parse(
      'query Small { node { id } } query Large { node { children(first: 100) { children(first: 100) { id } } } }',
    );
    expect(operationCost(schema, document, {}, 'Small')).toBe(
      costOf(schema, document, {}, 'Small'),
    );
    expect(operationCost(schema, document, {}, 'Large')).toBeGreaterThan(QUERY_LIMITS.maxCost);
    expect(operationCost(schema, document, {}, 'Small')).toBeLessThan(10);
  });
});
