import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printServiceSdl } from '@dash/subgraph';
import {
  accountCaller,
  platformCaller,
  startTestService,
  type TestService,
} from '@dash/subgraph/testing';
import { identityService, seedIdentity } from '../src/index.js';
import { usAccount } from './support.js';

let service: TestService;

const ada = accountCaller('acct_ada');
const platformA = platformCaller('plat_a');
const platformB = platformCaller('plat_b');

beforeAll(async () => {
  service = await startTestService(identityService);
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#635bff' },
    accounts: [usAccount('acct_ada', 'Ada Lovelace'), usAccount('acct_bob', 'Bob Byrne')],
  });
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_b', name: 'Other Platform', brandColor: '#0a2540' },
    accounts: [usAccount('acct_cy', 'Cy Other')],
  });
});
afterAll(() => service.close());

describe('identity subgraph', () => {
  it('answers me for the signed-in account, with its platform', async () => {
    const response = await service.query(
      '{ me { id displayName defaultCurrency platform { name brandColor } } }',
      {},
      ada,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      me: {
        id: 'acct_ada',
        displayName: 'Ada Lovelace',
        defaultCurrency: 'usd',
        platform: { name: 'Rocket Rides', brandColor: '#635bff' },
      },
    });
  });

  it('asks anonymous callers to sign in', async () => {
    const response = await service.query('{ me { id } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps tenants apart', async () => {
    const own = await service.query(
      'query($id: ID!) { account(id: $id) { displayName } }',
      { id: 'acct_bob' },
      platformA,
    );
    expect(own.data).toEqual({ account: { displayName: 'Bob Byrne' } });

    const foreign = await service.query(
      'query($id: ID!) { account(id: $id) { id } }',
      { id: 'acct_bob' },
      platformB,
    );
    expect(foreign.errors?.[0]).toMatchObject({
      message: 'No such account: acct_bob',
      extensions: { code: 'NOT_FOUND' },
    });

    const sibling = await service.query(
      'query($id: ID!) { account(id: $id) { id } }',
      { id: 'acct_bob' },
      ada,
    );
    expect(sibling.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('resolves Account references for the gateway, within the caller scope', async () => {
    const entities = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { id displayName } } }`;
    const reps = [
      { __typename: 'Account', id: 'acct_ada' },
      { __typename: 'Account', id: 'acct_cy' },
    ];
    const response = await service.query(entities, { reps }, platformA);
    expect(response.data).toEqual({
      _entities: [{ id: 'acct_ada', displayName: 'Ada Lovelace' }, null],
    });
  });

  it('leaves the seeded rows unchanged when seeding again', async () => {
    await seedIdentity(service.dataSource, {
      platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#635bff' },
      accounts: [usAccount('acct_ada', 'Ada Lovelace')],
    });
    const [{ count }] = await service.dataSource.query('SELECT COUNT(*) AS count FROM accounts');
    expect(Number(count)).toBe(3);
  });
});

describe('identity schema.graphql', () => {
  it('matches the code (run `npm run print-schema -w @dash/identity` after changing the schema)', async () => {
    expect(await readFile(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(
      await printServiceSdl(identityService),
    );
  });
});
