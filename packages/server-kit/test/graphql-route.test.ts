import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { buildSchema, GraphQLError, type GraphQLFieldResolver } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@dash/logger';
import { startGraphqlServer, writeJson, type RunningServer } from '../src/index.js';

const schema = buildSchema(`
  type Query { echo(text: String!): String!, slowFailure(ms: Int!): String, calls: Int! }
`);
let calls = 0;
const fields = schema.getQueryType()!.getFields();
const resolve = (name: string, resolver: GraphQLFieldResolver<unknown, unknown>) => {
  fields[name]!.resolve = resolver;
};
resolve('echo', (_root, { text }: { text: string }) => {
  calls += 1;
  return text;
});
resolve('calls', () => calls);
resolve('slowFailure', async (_root, { ms }: { ms: number }) => {
  await new Promise((wait) => setTimeout(wait, ms));
  throw new GraphQLError('failed on purpose', { extensions: { code: 'BAD_USER_INPUT' } });
});

let server: RunningServer;
let guardAnswer: 'pass' | 'refuse' | 'throw' = 'pass';

beforeAll(async () => {
  server = await startGraphqlServer({
    name: 'route test',
    apollo: { schema },
    host: '127.0.0.1',
    port: 0,
    log: createLogger('route-test', 'silent'),
    introspection: false,
    readiness: {},
    trustsRequestId: () => true,
    guards: [
      (_req, res, next) => {
        if (guardAnswer === 'pass') return next();
        if (guardAnswer === 'throw') return next(new Error('limiter store is down'));
        writeJson(res, 429, {
          errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }],
        });
      },
    ],
    context: async () => ({}),
  });
});
afterAll(() => server.stop());

const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

type Answer = {
  data?: unknown;
  errors?: { message: string; extensions: Record<string, unknown> }[];
};

describe('POST /graphql', () => {
  it('answers a JSON query and names the request', async () => {
    const response = await post(JSON.stringify({ query: '{ echo(text: "hi") }' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ data: { echo: 'hi' } });
  });

  it('keeps each request id to its own request when 40 run at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const id = `req-${index}`;
        const response = await post(
          JSON.stringify({ query: `{ slowFailure(ms: ${(index * 7) % 30}) }` }),
          { 'request-id': id },
        );
        const body = (await response.json()) as Answer;
        return { id, header: response.headers.get('request-id'), error: body.errors![0]! };
      }),
    );
    for (const { id, header, error } of answers) {
      expect(header).toBe(id);
      expect(error.extensions.requestId).toBe(id);
    }
  });

  it.each([
    ['malformed bytes', '{"query": "{ echo(text: \\"hi\\") }"'],
    ['a bare string', '"{ echo(text: \\"hi\\") }"'],
    ['a number', '42'],
    ['bytes that are not text', Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x22])],
  ])('refuses %s as BAD_USER_INPUT naming the body', async (_name, body) => {
    const response = await post(body, { 'request-id': 'bad-body' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The request body is not valid JSON.',
          extensions: { code: 'BAD_USER_INPUT', field: 'body', requestId: 'bad-body' },
        },
      ],
    });
  });

  it('refuses a body over 1 MB, announced or streamed, and keeps serving', async () => {
    const big = JSON.stringify({ query: '{ calls }', padding: 'x'.repeat(1024 * 1024) });
    const announced = await post(big);
    expect(announced.status).toBe(413);
    expect(((await announced.json()) as Answer).errors![0]!.message).toBe(
      'The request body is too large.',
    );
    const streamed = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await post(JSON.stringify({ query: '{ calls }' }))).status).toBe(200);
  });

  it('survives a client that stops halfway through its body', async () => {
    const port = new URL(server.url).port;
    await new Promise<void>((done) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
            'Content-Length: 500\r\n\r\n{"query":',
        );
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => done());
    });
    expect(await (await post(JSON.stringify({ query: '{ echo(text: "after") }' }))).json()).toEqual(
      { data: { echo: 'after' } },
    );
  });

  it('serves a compressed body through the full parser', async () => {
    const response = await post(gzipSync(JSON.stringify({ query: '{ echo(text: "zipped") }' })), {
      'content-encoding': 'gzip',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { echo: 'zipped' } });
  });

  it('runs the guards first: a refusal stops the operation, a failure is a typed 500', async () => {
    const before = calls;
    guardAnswer = 'refuse';
    const refused = await Promise.all(
      Array.from({ length: 20 }, () => post(JSON.stringify({ query: '{ echo(text: "no") }' }))),
    );
    expect(refused.map((response) => response.status)).toEqual(Array(20).fill(429));
    guardAnswer = 'throw';
    const failed = await post(JSON.stringify({ query: '{ echo(text: "no") }' }), {
      'request-id': 'guard-failed',
    });
    guardAnswer = 'pass';
    expect(failed.status).toBe(500);
    const body = JSON.stringify(await failed.json());
    expect(body).toContain('"code":"INTERNAL_SERVER_ERROR"');
    expect(body).toContain('"requestId":"guard-failed"');
    expect(body).not.toContain('limiter store');
    expect(calls).toBe(before);
  });
});
