import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@dash/db';
import { signCaller } from '@dash/auth-context';
import { keyRing } from '@dash/config';
import { createLogger } from '@dash/logger';
import { createTestDatabase, graphqlRequest, type TestDatabase } from '@dash/testing';
import {
  buildFederatedSchema,
  notFound,
  unauthenticated,
  printSubgraphSdl,
  startSubgraphServer,
  type BaseContext,
  type RunningServer,
} from '../src/index.js';

const keys = keyRing('k1:test-secret-of-at-least-thirty-two-chars');

@ObjectType()
class Thing {
  @Field(() => ID)
  id!: string;
}

@Resolver()
class ThingResolver {
  @Query(() => Thing)
  whoAmI(@Ctx() { caller }: BaseContext): Thing {
    if (caller.kind !== 'account') throw unauthenticated();
    return { id: caller.accountId };
  }

  @Query(() => Thing)
  missing(): Thing {
    throw notFound('thing', 'th_1');
  }

  /** Inserts under a unique key: of parallel claims of one key, one wins the race. */
  @Mutation(() => Thing)
  async claim(@Arg('key') key: string): Promise<Thing> {
    await database.query('INSERT INTO claims (claim_key) VALUES (?)', [key]);
    return { id: key };
  }

  @Query(() => Thing)
  broken(): Thing {
    throw new Error("ER_NO_SUCH_TABLE: Table 'secret.internal' doesn't exist");
  }
}

let server: RunningServer;
/** A second subgraph with the same keys, as payouts is beside the ledger. */
let payouts: RunningServer;
let ready = true;
let testDatabase: TestDatabase;
let database: DataSource;
const ada = {
  kind: 'account',
  accountId: 'acct_1',
  platformId: 'plat_1',
  livemode: false,
} as const;
const signed = (audience = 'things') => ({
  'x-dash-caller': signCaller(ada, keys, { audience }),
});

const startNamed = async (name: string) =>
  startSubgraphServer({
    name,
    schema: await buildFederatedSchema({ resolvers: [ThingResolver] }),
    host: '127.0.0.1',
    port: 0,
    internalSecret: keys.for(name),
    log: createLogger('test', 'silent'),
    readiness: {
      database: async () => {
        if (!ready) throw new Error('connection refused');
      },
    },
    buildContext: (base) => base,
  });

beforeAll(async () => {
  testDatabase = await createTestDatabase('subgraph_server');
  database = createDataSource({
    url: testDatabase.url,
    database: testDatabase.database,
    entities: [],
    migrations: [],
  });
  await database.initialize();
  await database.query('CREATE TABLE claims (claim_key VARCHAR(64) NOT NULL PRIMARY KEY)');
  server = await startNamed('things');
  payouts = await startNamed('payouts');
});
afterAll(async () => {
  await server.stop();
  await payouts.stop();
  await database?.destroy();
  await testDatabase?.drop();
});

describe('subgraph server', () => {
  it('prints a federation 2 SDL', async () => {
    const sdl = printSubgraphSdl(await buildFederatedSchema({ resolvers: [ThingResolver] }));
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toContain('whoAmI: Thing!');
  });

  it('serves the signed caller to resolvers', async () => {
    const response = await graphqlRequest(server.url, '{ whoAmI { id } }', {}, signed());
    expect(response.data).toEqual({ whoAmI: { id: 'acct_1' } });
  });

  it('refuses calls that did not come through the gateway', async () => {
    const unsigned = await graphqlRequest(server.url, '{ whoAmI { id } }');
    expect(unsigned.status).toBe(401);
    expect(unsigned.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await graphqlRequest(
      server.url,
      '{ whoAmI { id } }',
      {},
      {
        'x-dash-caller': signCaller(
          { kind: 'anonymous' },
          keyRing('k1:another-secret-entirely-thirty-two-chars'),
          { audience: 'things' },
        ),
      },
    );
    expect(forged.status).toBe(401);
  });

  it('refuses a header it accepted once the header expires, and wherever it was not addressed', async () => {
    // Accepted headers are remembered: what is remembered must still expire and stay addressed.
    const header = {
      'x-dash-caller': signCaller(ada, keys, { audience: 'things', ttlSeconds: 1 }),
    };
    const accepted = await Promise.all(
      Array.from({ length: 10 }, () => graphqlRequest(server.url, '{ whoAmI { id } }', {}, header)),
    );
    expect(accepted.map((response) => response.data)).toEqual(
      accepted.map(() => ({ whoAmI: { id: 'acct_1' } })),
    );
    expect((await graphqlRequest(payouts.url, '{ whoAmI { id } }', {}, header)).status).toBe(401);
    await new Promise((wait) => setTimeout(wait, 2100));
    const expired = await graphqlRequest(server.url, '{ whoAmI { id } }', {}, header);
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a header signed for another subgraph, each of many at once', async () => {
    // Headers captured on their way to the ledger, replayed at payouts while still fresh.
    const forLedger = Array.from({ length: 20 }, () => signed('ledger'));
    const replayed = await Promise.all(
      forLedger.map((headers) => graphqlRequest(payouts.url, '{ whoAmI { id } }', {}, headers)),
    );
    expect(replayed.map((response) => response.status)).toEqual(forLedger.map(() => 401));
    const forPayouts = await graphqlRequest(
      payouts.url,
      '{ whoAmI { id } }',
      {},
      signed('payouts'),
    );
    expect(forPayouts.data).toEqual({ whoAmI: { id: 'acct_1' } });
  });

  it('passes typed errors through and hides unexpected ones', async () => {
    const missing = await graphqlRequest(server.url, '{ missing { id } }', {}, signed());
    expect(missing.errors?.[0]).toMatchObject({
      message: 'No such thing: th_1',
      extensions: { code: 'NOT_FOUND' },
    });
    const broken = await graphqlRequest(server.url, '{ broken { id } }', {}, signed());
    expect(broken.errors?.[0]?.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      requestId: expect.any(String),
    });
    expect(JSON.stringify(broken)).not.toMatch(/ER_NO_SUCH_TABLE|secret\.internal|stacktrace/);
  });

  it('answers the losers of a unique-key race CONFLICT, not an internal error', async () => {
    const claims = await Promise.all(
      Array.from({ length: 20 }, () =>
        graphqlRequest(server.url, 'mutation { claim(key: "same") { id } }', {}, signed()),
      ),
    );
    const codes = claims.map((claim) => claim.errors?.[0]?.extensions?.code ?? 'ok');
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(19);
    expect(JSON.stringify(claims)).not.toMatch(/ER_DUP_ENTRY|claims|PRIMARY|INSERT/);
  });

  it('answers a body that is not JSON, and a path it does not serve, as typed JSON', async () => {
    const base = server.url.replace('/graphql', '');
    const malformed = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed() },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'body' } }],
    });
    const nowhere = await fetch(`${base}/nowhere`);
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers /health and reports readiness of its dependencies', async () => {
    const base = server.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    ready = false;
    const notReady = await fetch(`${base}/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({
      status: 'unavailable',
      checks: { database: 'connection refused' },
    });
    ready = true;
  });
});
