import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { createPlatform, identityService, seedIdentity } from '@dash/identity';
import { ledgerService, seedLedger } from '@dash/ledger';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { createCommandConnection } from '@dash/queue';
import { deleteRedisPrefix, graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { EntityFetchMerger, representationsOf, type SubgraphCall } from '../src/entity-fetches.js';
import type { RunningGateway } from '../src/index.js';
import { bearer, startTestGateway, testGatewayConfig } from './support.js';
import { CallerForwardingDataSource } from '../src/caller-forwarding.js';
import { IdentityCheck } from '../src/identity-check.js';

const ENTITY_QUERY =
  'query Q__ledger__1($representations:[_Any!]!){_entities(representations:$representations){...on Account{balances{currency}}}}';
const callOf = (ids: string[], caller = 'caller-a', extra: Record<string, unknown> = {}) =>
  ({
    query: ENTITY_QUERY,
    variables: { representations: ids.map((id) => ({ __typename: 'Account', id })), ...extra },
    headers: { 'x-dash-caller': caller, 'x-request-id': `req-${ids.join('-')}` },
  }) satisfies SubgraphCall;

/**
 * A subgraph stand-in that answers each representation with its own id, fails those whose id
 * starts with `bad`, and holds every answer until released, so calls pile up behind it.
 */
function heldSubgraph() {
  const calls: SubgraphCall[] = [];
  const held: Array<() => void> = [];
  const send = (call: SubgraphCall) =>
    new Promise<GatewayGraphQLResponse>((resolve) => {
      calls.push(call);
      held.push(() => {
        const representations = call.variables!.representations as Array<{ id: string }>;
        const errors = representations.flatMap((representation, index) =>
          representation.id.startsWith('bad')
            ? [{ message: `no ${representation.id}`, path: ['_entities', index, 'balances'] }]
            : [],
        );
        resolve({
          data: {
            _entities: representations.map((representation) =>
              representation.id.startsWith('bad') ? null : { id: representation.id },
            ),
          },
          ...(errors.length ? { errors } : {}),
        } as GatewayGraphQLResponse);
      });
    });
  const releaseAll = async () => {
    while (held.length > 0) {
      held.splice(0).forEach((release) => release());
      await new Promise((settle) => setImmediate(settle));
    }
  };
  return { calls, send, releaseAll };
}

describe('merging entity fetches', () => {
  it('knows an entity fetch from any other operation', () => {
    expect(representationsOf(callOf(['a']))).toHaveLength(1);
    expect(
      representationsOf({
        query: '{ me { id } }',
        variables: { representations: [] },
        headers: {},
      }),
    ).toBeUndefined();
    // A root field beside _entities, or _entities under another name, is not merged.
    expect(
      representationsOf({
        query:
          'query($representations:[_Any!]!){ me { id } _entities(representations:$representations){ __typename } }',
        variables: { representations: [] },
        headers: {},
      }),
    ).toBeUndefined();
  });

  it('sends a lone call at once, and merges the calls that arrive while it is out', async () => {
    const subgraph = heldSubgraph();
    const merger = new EntityFetchMerger(subgraph.send, { maxInFlight: 1, maxRepresentations: 5 });
    const first = merger.fetch(callOf(['a']));
    expect(subgraph.calls).toHaveLength(1);
    const rest = [['b'], ['c', 'd'], ['e'], ['f', 'g'], ['h']].map((ids) =>
      merger.fetch(callOf(ids)),
    );
    expect(subgraph.calls).toHaveLength(1);
    await subgraph.releaseAll();
    const answers = await Promise.all([first, ...rest]);

    // b..f fit in one call of at most five representations; g-h's call goes next.
    expect(
      subgraph.calls.map((call) => (call.variables!.representations as unknown[]).length),
    ).toEqual([1, 4, 3]);
    expect(answers.map((answer) => (answer.data as { _entities: unknown[] })._entities)).toEqual([
      [{ id: 'a' }],
      [{ id: 'b' }],
      [{ id: 'c' }, { id: 'd' }],
      [{ id: 'e' }],
      [{ id: 'f' }, { id: 'g' }],
      [{ id: 'h' }],
    ]);
  });

  it('never merges calls of different callers or with different other variables', async () => {
    const subgraph = heldSubgraph();
    const merger = new EntityFetchMerger(subgraph.send, { maxInFlight: 1, maxRepresentations: 50 });
    const calls = [
      callOf(['a1'], 'caller-a'),
      callOf(['b1'], 'caller-b'),
      callOf(['a3'], 'caller-a', { first: 5 }),
      callOf(['a2'], 'caller-a'),
      callOf(['b2'], 'caller-b'),
      callOf(['a4'], 'caller-a', { first: 5 }),
      callOf(['a5'], 'caller-a'),
      callOf(['b5'], 'caller-b'),
      callOf(['a6'], 'caller-a', { first: 5 }),
    ];
    const answers = Promise.all(calls.map((call) => merger.fetch(call)));
    await subgraph.releaseAll();
    await answers;
    const sent = subgraph.calls.map((call) => [
      call.headers['x-dash-caller'],
      call.variables!.first ?? null,
      (call.variables!.representations as Array<{ id: string }>).map(({ id }) => id).join(','),
    ]);
    // The first of each kind goes alone; the others of its kind wait for it, then go together.
    expect(sent).toEqual(
      expect.arrayContaining([
        ['caller-a', null, 'a1'],
        ['caller-b', null, 'b1'],
        ['caller-a', 5, 'a3'],
        ['caller-a', null, 'a2,a5'],
        ['caller-b', null, 'b2,b5'],
        ['caller-a', 5, 'a4,a6'],
      ]),
    );
    expect(sent).toHaveLength(6);
  });

  it('gives each caller only the errors of its own entities, renumbered', async () => {
    const subgraph = heldSubgraph();
    const merger = new EntityFetchMerger(subgraph.send, { maxInFlight: 1, maxRepresentations: 50 });
    const opener = merger.fetch(callOf(['x']));
    const mine = merger.fetch(callOf(['ok1', 'bad1']));
    const theirs = merger.fetch(callOf(['bad2', 'ok2']));
    await subgraph.releaseAll();
    await opener;
    expect(subgraph.calls).toHaveLength(2);
    expect(await mine).toEqual({
      data: { _entities: [{ id: 'ok1' }, null] },
      errors: [{ message: 'no bad1', path: ['_entities', 1, 'balances'] }],
    });
    expect(await theirs).toEqual({
      data: { _entities: [null, { id: 'ok2' }] },
      errors: [{ message: 'no bad2', path: ['_entities', 0, 'balances'] }],
    });
  });

  it('refuses every call of a merged call that failed, and keeps serving', async () => {
    let failing = true;
    const sent: SubgraphCall[] = [];
    let release!: () => void;
    const gate = new Promise<void>((open) => (release = open));
    const merger = new EntityFetchMerger(
      async (call) => {
        sent.push(call);
        await gate;
        if (failing) throw new Error('subgraph down');
        return {
          data: { _entities: (call.variables!.representations as unknown[]).map(() => ({})) },
        };
      },
      { maxInFlight: 1, maxRepresentations: 50 },
    );
    const calls = [['a'], ['b'], ['c']].map((ids) =>
      merger.fetch(callOf(ids)).then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    release();
    expect(await Promise.all(calls)).toEqual(['subgraph down', 'subgraph down', 'subgraph down']);
    failing = false;
    expect(await merger.fetch(callOf(['d']))).toEqual({ data: { _entities: [{}] } });
  });
});

describe('merged entity fetches through the gateway', () => {
  let identity: TestService;
  let ledger: TestService;
  let gateway: RunningGateway;
  let ledgerProxy: Server;
  let ledgerRequests = 0;
  const redisPrefix = testRedisPrefix('gateway-entity-fetches');
  const platforms: Array<{
    platformId: string;
    secret: string;
    accounts: Array<{ id: string; amount: number }>;
  }> = [];

  /** Counts the HTTP requests that reach the ledger, and passes them on. */
  const countingProxy = (target: string) =>
    createServer((incoming, outgoing) => {
      ledgerRequests += 1;
      const url = new URL(target);
      const forwarded = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      incoming.pipe(forwarded);
    });

  beforeAll(async () => {
    [identity, ledger] = await Promise.all([
      startTestService(identityService, { DASH_REDIS_PREFIX: redisPrefix }),
      startTestService(ledgerService),
    ]);
    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    for (const [p, name] of ['Merge One', 'Merge Two'].entries()) {
      const created = await createPlatform(identity.dataSource, { name });
      const accounts = Array.from({ length: 12 }, (_, a) => ({
        id: `acct_merge_${p}_${a}`,
        amount: 1000 + p * 100_000 + a * 1000,
      }));
      await seedIdentity(identity.dataSource, {
        platform: { id: created.platform.id, name, brandColor: '#5b4cf0' },
        accounts: accounts.map(({ id }) => ({
          id,
          displayName: id,
          email: `${id}@example.com`,
          country: 'US',
          defaultCurrency: 'usd',
          livemode: false,
        })),
      });
      await seedLedger(ledger.dataSource, {
        platform: { id: created.platform.id, name, features: {} },
        accounts: accounts.map(({ id }) => ({ id, livemode: false })),
        charges: accounts.map(({ id, amount }) => ({
          id: `ch_${id}`,
          accountId: id,
          amount,
          currency: 'usd',
          description: 'Ride',
          createdAt: threeDaysAgo,
        })),
        payouts: [],
      });
      platforms.push({ platformId: created.platform.id, secret: created.testSecret, accounts });
    }
    ledgerProxy = countingProxy(ledger.url);
    await new Promise<void>((listening) => ledgerProxy.listen(0, '127.0.0.1', listening));
    const { port } = ledgerProxy.address() as AddressInfo;
    gateway = await startTestGateway(
      { identity: identity.url, ledger: `http://127.0.0.1:${port}/graphql` },
      redisPrefix,
      { readCache: { enabled: false, ttlSeconds: 60 } },
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    ledgerProxy?.close();
    await Promise.all([identity?.close(), ledger?.close()]);
    await deleteRedisPrefix(testRedisUrl(), redisPrefix);
  });

  const ACCOUNT_QUERY =
    'query Account($id: ID!) { account(id: $id) { id balances { currency available } } }';
  /** What a settled charge of `amount` leaves available: the amount less 2.9% + 30. */
  const netOf = (amount: number) => amount - Math.round(amount * 0.029) - 30;

  it('answers two platforms asking for many accounts at once each with its own, in fewer ledger calls', async () => {
    // Each platform asks for each of its accounts three times, and for each of the other
    // platform's accounts once, all at the same time.
    const asks = platforms.flatMap((platform, p) => [
      ...[1, 2, 3].flatMap(() => platform.accounts.map((account) => ({ p, account, own: true }))),
      ...platforms[1 - p]!.accounts.map((account) => ({ p, account, own: false })),
    ]);
    // Each key is checked with identity once first, so the burst's requests run side by side.
    for (const platform of platforms)
      await graphqlRequest(gateway.url, '{ __typename }', {}, bearer(platform.secret));
    ledgerRequests = 0;
    const answers = await Promise.all(
      asks.map(({ p, account }) =>
        graphqlRequest<{ account: { id: string; balances: Array<{ available: number }> } | null }>(
          gateway.url,
          ACCOUNT_QUERY,
          { id: account.id },
          bearer(platforms[p]!.secret),
        ),
      ),
    );
    answers.forEach((answer, index) => {
      const { account, own } = asks[index]!;
      if (own) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data?.account).toEqual({
          id: account.id,
          balances: [{ currency: 'usd', available: netOf(account.amount) }],
        });
      } else {
        expect(answer.data?.account ?? null).toBeNull();
        expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      }
    });
    const ownAsks = asks.filter(({ own }) => own).length;
    expect(ledgerRequests).toBeGreaterThan(0);
    expect(ledgerRequests).toBeLessThan(ownAsks);
  });

  it('sends each platform’s entity fetches under its own caller when they are made in one burst', async () => {
    const redis = createCommandConnection(testRedisUrl());
    const config = testGatewayConfig({ identity: identity.url, ledger: ledger.url }, redisPrefix);
    const source = new CallerForwardingDataSource(
      ledger.url,
      'ledger',
      TEST_SECRET_KEYS,
      false,
      IdentityCheck.of(config, redis),
      15_000,
    );
    try {
      // The accounts of both platforms, interleaved, each fetched by its own platform.
      const fetches = platforms[0]!.accounts.flatMap((_, a) =>
        platforms.map((platform) => ({ platform, account: platform.accounts[a]! })),
      );
      const answers = await Promise.all(
        fetches.map(({ platform, account }, index) =>
          source.process({
            request: {
              query:
                'query Q__ledger__1($representations:[_Any!]!){_entities(representations:$representations){...on Account{balances{currency available}}}}',
              variables: { representations: [{ __typename: 'Account', id: account.id }] },
            },
            context: {
              caller: {
                kind: 'platform',
                platformId: platform.platformId,
                livemode: false,
                keyId: `key_${platform.platformId}`,
              },
              requestId: `req_${index}`,
              clientIp: '127.0.0.1',
            },
          } as never),
        ),
      );
      answers.forEach((answer, index) => {
        expect(answer.errors).toBeUndefined();
        expect(answer.data).toEqual({
          _entities: [
            { balances: [{ currency: 'usd', available: netOf(fetches[index]!.account.amount) }] },
          ],
        });
      });
    } finally {
      await source.close();
      redis.disconnect();
    }
  });
});
