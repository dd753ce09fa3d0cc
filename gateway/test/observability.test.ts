import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityService } from '@dash/identity';
import { createLogger } from '@dash/logger';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, scrapeMetric, testRedisPrefix, testRedisUrl } from '@dash/testing';
import type { RunningGateway } from '../src/index.js';
import { bearer, platformWithAccount, signIn, startTestGateway } from './support.js';

const redisPrefix = testRedisPrefix('gateway-observability');
const identityLines: string[] = [];
let identity: TestService;
let gateway: RunningGateway;
let platformSecret = '';

const origin = (url: string) => new URL(url).origin;

const metric = scrapeMetric;

async function post(query: string, headers: Record<string, string> = {}, operationName?: string) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(operationName ? { operationName } : {}) }),
  });
  return {
    requestId: response.headers.get('request-id'),
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
    },
  };
}

beforeAll(async () => {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      identityLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  identity = await startTestService(
    identityService,
    { DASH_REDIS_PREFIX: redisPrefix },
    { log: createLogger('identity', 'info', destination) },
  );
  gateway = await startTestGateway({ identity: identity.url }, redisPrefix);
  ({ secret: platformSecret } = await platformWithAccount(identity, 'Observed', 'acct_observed'));
});

afterAll(async () => {
  await gateway?.stop();
  await identity?.close();
  await deleteRedisPrefix(testRedisUrl(), redisPrefix);
});

describe('metrics', () => {
  it('counts operations by name and type on the gateway and on the subgraph that served them', async () => {
    const series = { part: 'gateway', operation: 'ObservedKeys', type: 'query' };
    const before = {
      requests: await metric(gateway.url, 'dash_graphql_requests_total', series),
      latency: await metric(gateway.url, 'dash_graphql_request_duration_seconds_count', series),
      subgraph: await metric(identity.url, 'dash_graphql_requests_total', { part: 'identity' }),
    };
    for (let i = 0; i < 3; i++) {
      const { body } = await post(
        'query ObservedKeys { apiKeys { id } }',
        bearer(platformSecret),
        'ObservedKeys',
      );
      expect(body.errors).toBeUndefined();
    }
    expect(await metric(gateway.url, 'dash_graphql_requests_total', series)).toBe(
      before.requests + 3,
    );
    expect(await metric(gateway.url, 'dash_graphql_request_duration_seconds_count', series)).toBe(
      before.latency + 3,
    );
    expect(
      await metric(identity.url, 'dash_graphql_requests_total', { part: 'identity' }),
    ).toBeGreaterThanOrEqual(before.subgraph + 3);
  });

  it('counts errors by code', async () => {
    const series = { part: 'gateway', operation: 'NoKey', code: 'UNAUTHENTICATED' };
    const before = await metric(gateway.url, 'dash_graphql_errors_total', series);
    const { body } = await post('query NoKey { apiKeys { id } }', {}, 'NoKey');
    expect(body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(await metric(gateway.url, 'dash_graphql_errors_total', series)).toBe(before + 1);
  });

  it('keeps operation labels few whatever names callers invent', async () => {
    // More invented names than the label budget, sent at once, plus names that are not names.
    const invented = Array.from({ length: 260 }, (_, i) => `Invented${i}`);
    await Promise.all(
      invented.map((name) => post(`query ${name} { __typename }`, bearer(platformSecret), name)),
    );
    await post('{ __typename }', bearer(platformSecret));
    const text = await (await fetch(`${origin(gateway.url)}/metrics`)).text();
    const operations = new Set(
      text
        .split('\n')
        .filter(
          (row) => row.startsWith('dash_graphql_requests_total{') && row.includes('part="gateway"'),
        )
        .map((row) => /operation="([^"]*)"/.exec(row)?.[1]),
    );
    expect(operations.size).toBeLessThanOrEqual(201);
    expect(operations).toContain('unknown');
    expect(text).not.toMatch(/operation="[^"]*[{} ]/);
  });

  it('exports the process metrics of each part, labelled with the part', async () => {
    const text = await (await fetch(`${origin(gateway.url)}/metrics`)).text();
    expect(text).toMatch(/^process_resident_memory_bytes\{part="[a-z]+"\} \d+/m);
    expect(text).toMatch(/^process_cpu_seconds_total\{part="[a-z]+"\} [\d.]+/m);
  });
});

describe('Request-Id', () => {
  it('answers every request with one, and carries it into the subgraph and its logs', async () => {
    const { requestId, body } = await post(
      'mutation { createApiKey { secret key { id } } }',
      bearer(platformSecret),
    );
    expect(body.errors).toBeUndefined();
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const created = identityLines
      .map((line) => JSON.parse(line) as { msg: string; requestId?: string })
      .filter((line) => line.msg === 'API key created');
    expect(created.at(-1)?.requestId).toBe(requestId);
    // The new key itself, and the key that asked, are in no log line.
    const secret = (body.data!.createApiKey as { secret: string }).secret;
    for (const line of identityLines) {
      expect(line).not.toContain(secret);
      expect(line).not.toContain(platformSecret);
    }
  });

  it('keeps sign-in secrets and contact details out of the logs of a whole sign-in', async () => {
    const link = await post(
      'mutation { createLoginLink(account: "acct_observed") { url } }',
      bearer(platformSecret),
    );
    const token = (link.body.data!.createLoginLink as { url: string }).url.split('/login/')[1]!;
    const cookie = await signIn(gateway.url, platformSecret, 'acct_observed');
    const me = await post('{ me { id displayName } }', { cookie });
    expect(me.body.errors).toBeUndefined();
    const sessionToken = cookie.split('=')[1]!;
    for (const line of identityLines)
      for (const secret of [token, sessionToken, platformSecret, 'acct_observed@example.com'])
        expect(line).not.toContain(secret);
  });

  it('puts the id in every GraphQL error, in the JSON 404, and on the health routes', async () => {
    const refused = await post('{ apiKeys { id } }');
    expect(refused.body.errors?.[0]?.extensions.requestId).toBe(refused.requestId);

    const notFound = await fetch(`${origin(gateway.url)}/nothing-here`);
    const requestId = notFound.headers.get('request-id');
    expect(requestId).toBeTruthy();
    expect(((await notFound.json()) as { error: { requestId: string } }).error.requestId).toBe(
      requestId,
    );
    expect((await fetch(`${origin(gateway.url)}/health`)).headers.get('request-id')).toBeTruthy();
  });

  it('takes an id from a trusted proxy, and never from a caller the subgraph cannot verify', async () => {
    // The test runs on loopback, a trusted proxy of the gateway (the shell's hop).
    const proxied = await post('{ __typename }', { 'x-request-id': 'edge-1234' });
    expect(proxied.requestId).toBe('edge-1234');

    // Straight to the subgraph with no signed caller: the offered id is ignored.
    const direct = await fetch(identity.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'forged-1234' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(direct.status).toBe(401);
    const answered = direct.headers.get('request-id');
    expect(answered).not.toBe('forged-1234');
    const refusal = (await direct.json()) as {
      errors: Array<{ extensions: Record<string, unknown> }>;
    };
    expect(refusal.errors[0]?.extensions.requestId).toBe(answered);

    // A malformed id (log injection) is replaced even from a trusted hop.
    const malformed = await post('{ __typename }', { 'x-request-id': 'bad id {"level":60}' });
    expect(malformed.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
