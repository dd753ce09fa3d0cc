import { buildSchema, GraphQLError, type GraphQLFieldResolver } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashError } from '@dash/errors';
import { createLogger } from '@dash/logger';
import { graphqlErrors, graphqlRequests } from '@dash/telemetry';
import { startGraphqlServer, type RunningServer } from '../src/index.js';

// A subgraph's kind of schema: reads, a counter to see what ran, and errors of every kind.
const schema = buildSchema(`
  type Query {
    echo(text: String!): String!
    count: Int!
    failing(code: String!): String
    broken: String
  }
  type Mutation { bump(by: Int!): Int!, bumpThenFail(by: Int!): Int }
`);
let count = 0;
const resolve = (
  type: 'Query' | 'Mutation',
  name: string,
  resolver: GraphQLFieldResolver<unknown, unknown>,
) => {
  const fields = (type === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields();
  fields[name]!.resolve = resolver;
};
resolve('Query', 'echo', (_root, { text }: { text: string }) => text);
resolve('Query', 'count', () => count);
resolve('Query', 'failing', (_root, { code }: { code: string }) => {
  throw new GraphQLError(`failed with ${code}`, {
    extensions: { code, ...(code === 'UNAUTHENTICATED' ? { http: { status: 401 } } : {}) },
  });
});
resolve('Query', 'broken', () => {
  throw new Error('SELECT secret FROM internals');
});
resolve('Mutation', 'bump', (_root, { by }: { by: number }) => (count += by));
resolve('Mutation', 'bumpThenFail', (_root, { by }: { by: number }) => {
  count += by;
  throw new GraphQLError('bumped, then failed', { extensions: { code: 'CONFLICT' } });
});

let server: RunningServer;
/** Requests Apollo Server's own pipeline took up (its plugins heard of): the plain path's none. */
let apolloOperations = 0;

beforeAll(async () => {
  server = await startGraphqlServer({
    name: 'plain execution test',
    part: 'plain-test',
    apollo: {
      schema,
      plugins: [
        {
          requestDidStart: async () => void (apolloOperations += 1),
          contextCreationDidFail: async () => void (apolloOperations += 1),
          invalidRequestWasReceived: async () => void (apolloOperations += 1),
        },
      ],
    },
    host: '127.0.0.1',
    port: 0,
    log: createLogger('plain-execution-test', 'silent'),
    introspection: false,
    readiness: {},
    trustsRequestId: () => true,
    context: async (request) => {
      if (request.headers['x-refuse'])
        throw new DashError('UNAUTHENTICATED', 'Requests must come through the gateway.', {
          http: { status: 401 },
        });
      return {};
    },
  });
});
afterAll(() => server.stop());

type Body = Record<string, unknown>;

/**
 * Sends an operation the way the gateway does, or (`throughApollo`) with a media type only
 * Express's parser takes, so that Apollo Server's own pipeline answers the same bytes.
 */
async function send(
  body: Body,
  options: { throughApollo?: boolean; headers?: Record<string, string> } = {},
) {
  const before = apolloOperations;
  const response = await fetch(server.url, {
    method: 'POST',
    headers: {
      'content-type': options.throughApollo ? 'application/json; variant=full' : 'application/json',
      'request-id': 'same-id',
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
    plain: apolloOperations === before,
  };
}

/** Accept headers Apollo Server answers with JSON or application/graphql-response+json. */
const ACCEPTED = [
  '',
  '*/*',
  'application/json',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json;q=0.9',
  'application/json;q=0.5, application/graphql-response+json',
  'application/graphql-response+json, application/json, multipart/mixed',
  'text/html, application/*;q=0.8',
];

const TWO_OPERATIONS = 'query A { echo(text: "a") } query B { echo(text: "b") }';

describe('operations a subgraph answers without Apollo Server', () => {
  it.each<[string, Body, Record<string, string>?]>([
    ['a query', { query: '{ echo(text: "hi") count }' }],
    ['variables', { query: 'query Q($t: String!) { echo(text: $t) }', variables: { t: 'x' } }],
    ['one of two operations by name', { query: TWO_OPERATIONS, operationName: 'B' }],
    ['null variables and name', { query: '{ __typename }', variables: null, operationName: null }],
    ['data with a typed error', { query: '{ echo(text: "a") failing(code: "BAD_USER_INPUT") }' }],
    ['an error that sets the status', { query: '{ failing(code: "UNAUTHENTICATED") }' }],
    ['an unexpected throw, masked', { query: '{ echo(text: "a") broken }' }],
    // What GraphQL-over-HTTP clients (Hive Gateway among them) ask for, in a few shapes.
    ...ACCEPTED.map(
      (accept) =>
        [
          `Accept: ${accept}`,
          { query: '{ echo(text: "a") failing(code: "UNAUTHENTICATED") }' },
          { accept },
        ] as [string, Body, Record<string, string>],
    ),
  ])('answers %s exactly as Apollo Server does', async (_name, body, headers = {}) => {
    const plain = await send(body, { headers });
    const full = await send(body, { headers, throughApollo: true });
    expect(plain.plain).toBe(true);
    expect(full.plain).toBe(false);
    expect({ ...plain, plain: undefined }).toEqual({ ...full, plain: undefined });
    expect(plain.text).not.toContain('SELECT');
  });

  it.each<[string, Body, Record<string, string>?]>([
    ['text that does not parse', { query: '{ echo(' }],
    ['a field that does not exist', { query: '{ nope }' }],
    ['a literal its argument cannot take', { query: '{ echo(text: 5) }' }],
    [
      'variables the operation refuses',
      { query: 'query Q($t: String!) { echo(text: $t) }', variables: {} },
    ],
    ['introspection where it is off', { query: '{ __schema { queryType { name } } }' }],
    ['a name no operation has', { query: TWO_OPERATIONS, operationName: 'C' }],
    ['two operations and no name', { query: TWO_OPERATIONS }],
    [
      'a persisted-query hash',
      { query: '{ count }', extensions: { persistedQuery: { version: 1, sha256Hash: 'bad' } } },
    ],
    ['variables sent as a string', { query: '{ count }', variables: '{}' }],
    ['a caller the context refuses', { query: '{ count }' }, { 'x-refuse': 'yes' }],
    ...['multipart/mixed', 'text/html', 'application/xml'].map(
      (accept) =>
        [`Accept: ${accept}`, { query: '{ count }' }, { accept }] as [
          string,
          Body,
          Record<string, string>,
        ],
    ),
  ])('hands %s to Apollo Server, which answers it', async (_name, body, headers = {}) => {
    const plain = await send(body, { headers });
    const full = await send(body, { headers, throughApollo: true });
    expect(plain.plain).toBe(false);
    expect({ ...plain, plain: undefined }).toEqual({ ...full, plain: undefined });
  });

  it('runs each of 40 concurrent mutations once, and none whose variables it refuses', async () => {
    const start = count;
    const bumps = await Promise.all(
      Array.from({ length: 40 }, () => send({ query: 'mutation { bump(by: 1) }' })),
    );
    expect(bumps.every((answer) => answer.plain && answer.status === 200)).toBe(true);
    const seen = bumps.map(
      (answer) => (JSON.parse(answer.text) as { data: { bump: number } }).data.bump,
    );
    expect(new Set(seen).size).toBe(40);
    expect(count).toBe(start + 40);

    // Refused before anything ran, handed back, and refused again: nothing bumped.
    const refused = await Promise.all(
      Array.from({ length: 20 }, () =>
        send({ query: 'mutation M($by: Int!) { bump(by: $by) }', variables: { by: 'many' } }),
      ),
    );
    expect(refused.map((answer) => [answer.status, answer.plain])).toEqual(
      Array(20).fill([400, false]),
    );
    expect(count).toBe(start + 40);

    // A mutation that ran and then failed is answered where it ran, not run again.
    const failed = await send({ query: 'mutation { bumpThenFail(by: 1) }' });
    expect(failed.plain).toBe(true);
    expect(JSON.parse(failed.text)).toMatchObject({
      data: { bumpThenFail: null },
      errors: [{ message: 'bumped, then failed', extensions: { code: 'CONFLICT' } }],
    });
    expect(count).toBe(start + 41);
  });

  it('counts its operations and their errors in the server metrics', async () => {
    const series = { part: 'plain-test', operation: 'Counted', type: 'query' };
    const valueOf = async (
      metric: typeof graphqlRequests | typeof graphqlErrors,
      labels: Record<string, string>,
    ) =>
      (await metric.get()).values.find((value) =>
        Object.entries(labels).every(
          ([name, label]) => (value.labels as Record<string, unknown>)[name] === label,
        ),
      )?.value ?? 0;
    const requestsBefore = await valueOf(graphqlRequests, series);
    const errorsBefore = await valueOf(graphqlErrors, { ...series, code: 'NOT_FOUND' });
    await send({ query: 'query Counted { count failing(code: "NOT_FOUND") }' });
    await send({ query: 'query Counted { count }' });
    expect(await valueOf(graphqlRequests, series)).toBe(requestsBefore + 2);
    expect(await valueOf(graphqlErrors, { ...series, code: 'NOT_FOUND' })).toBe(errorsBefore + 1);
  });
});
