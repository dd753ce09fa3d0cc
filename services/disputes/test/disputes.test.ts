import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printServiceSdl } from '@dash/subgraph';
import {
  accountCaller,
  platformCaller,
  accountReference,
  startTestService,
  type TestService,
} from '@dash/subgraph/testing';
import { disputesService, seedDisputes } from '../src/index.js';

let service: TestService;

const ada = accountCaller('acct_ada');
const platformA = platformCaller('plat_a');
const day = 24 * 3600 * 1000;
const seededAt = Date.now();

const dispute = (
  id: string,
  accountId: string,
  status: 'needs_response' | 'warning_needs_response' | 'under_review' | 'won' | 'lost',
  createdDaysAgo: number,
  dueInDays = 7,
) => ({
  id,
  accountId,
  platformId: 'plat_a',
  chargeId: `ch_${id}`,
  amount: 4_500,
  currency: 'usd',
  fee: 0,
  reason: 'product_not_received' as const,
  status,
  evidenceDueBy: status.endsWith('needs_response') ? new Date(seededAt + dueInDays * day) : null,
  createdAt: new Date(seededAt - createdDaysAgo * day),
});

const query = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Account { disputes { nodes { id status reason amount evidenceDueBy } } disputesNeedingResponse }
  }
}`;

/**
 * acct_cy's 23 disputes: 8 waiting for a response (two due at the same moment, one with no
 * deadline), 15 others, several made at the same moment, so pages end inside ties.
 */
const manyDisputes = [
  ...Array.from({ length: 8 }, (_, i) =>
    dispute(
      `dp_cy_wait${i}`,
      'acct_cy',
      i % 2 ? 'needs_response' : 'warning_needs_response',
      20 - i,
      i === 3 ? 5 : 1 + (i % 6),
    ),
  ),
  ...Array.from({ length: 15 }, (_, i) =>
    dispute(
      `dp_cy_done${i}`,
      'acct_cy',
      (['won', 'lost', 'under_review'] as const)[i % 3]!,
      Math.floor(i / 3),
    ),
  ),
].map((row, i) => (i === 7 ? { ...row, evidenceDueBy: null } : row));

beforeAll(async () => {
  // No ledger here: the seeded disputes' withdrawals stay due while the tests read them.
  service = await startTestService(disputesService, { DASH_DISPUTE_TICK_MS: '3600000' });
  await seedDisputes(service.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', features: {} },
    disputes: [
      dispute('dp_1', 'acct_ada', 'won', 30),
      dispute('dp_2', 'acct_ada', 'needs_response', 2),
      dispute('dp_3', 'acct_bob', 'needs_response', 1),
      ...manyDisputes,
    ],
  });
});
afterAll(() => service.close());

type Result = {
  _entities: Array<{
    disputes: { nodes: Array<{ id: string; evidenceDueBy: string | null }> };
    disputesNeedingResponse: number;
  }>;
};

describe('disputes subgraph', () => {
  it('counts each account on its own when a platform asks for many in one call', async () => {
    const seeded = [
      dispute('dp_1', 'acct_ada', 'won', 30),
      dispute('dp_2', 'acct_ada', 'needs_response', 2),
      dispute('dp_3', 'acct_bob', 'needs_response', 1),
      ...manyDisputes,
    ];
    const needingResponse = (accountId: string) =>
      seeded.filter((row) => row.accountId === accountId && row.status === 'needs_response').length;
    // Shuffled, one account twice: each answer is its own.
    const asked = ['acct_cy', 'acct_ada', 'acct_bob', 'acct_cy'];
    const reps = asked.map((id) => ({ __typename: 'Account', id }));
    const together = await service.query<{ _entities: Array<{ disputesNeedingResponse: number }> }>(
      'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { disputesNeedingResponse } } }',
      { reps },
      platformA,
    );
    expect(together.errors).toBeUndefined();
    expect(together.data!._entities.map((account) => account.disputesNeedingResponse)).toEqual(
      asked.map(needingResponse),
    );
    expect(needingResponse('acct_cy')).toBeGreaterThan(needingResponse('acct_ada'));
    // Another platform's key, asking for the same accounts in one call, counts none of them.
    const stranger = await service.query<{ _entities: Array<{ disputesNeedingResponse: number }> }>(
      'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { disputesNeedingResponse } } }',
      { reps },
      platformCaller('plat_b'),
    );
    expect(stranger.data!._entities.map((account) => account.disputesNeedingResponse)).toEqual(
      asked.map(() => 0),
    );
  });

  it('lists those needing a response first and counts them', async () => {
    const response = await service.query<Result>(query, accountReference('acct_ada'), ada);
    expect(response.errors).toBeUndefined();
    const [account] = response.data!._entities;
    expect(account!.disputes.nodes.map((d) => d.id)).toEqual(['dp_2', 'dp_1']);
    expect(account!.disputes.nodes[0]).toMatchObject({
      status: 'needs_response',
      reason: 'product_not_received',
      amount: 4_500,
    });
    expect(new Date(account!.disputes.nodes[0]!.evidenceDueBy!).getTime()).toBeGreaterThan(
      Date.now(),
    );
    expect(account!.disputesNeedingResponse).toBe(1);
  });

  it('keeps tenants apart', async () => {
    const sibling = await service.query<Result>(query, accountReference('acct_bob'), ada);
    expect(sibling.data).toEqual({
      _entities: [{ disputes: { nodes: [] }, disputesNeedingResponse: 0 }],
    });
    const platform = await service.query<Result>(query, accountReference('acct_bob'), platformA);
    expect(platform.data!._entities[0]!.disputesNeedingResponse).toBe(1);
  });

  const PAGE = `query($reps: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $reps) {
      ... on Account { disputes(first: $first, after: $after) { nodes { id status evidenceDueBy createdAt } pageInfo { hasNextPage endCursor } } }
    }
  }`;
  type Page = {
    _entities: Array<{
      disputes: {
        nodes: Array<{
          id: string;
          status: string;
          evidenceDueBy: string | null;
          createdAt: string;
        }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>;
  };
  const cy = accountCaller('acct_cy');
  const pageOf = (first: number, after: string | null, caller = cy, of = 'acct_cy') =>
    service.query<Page>(PAGE, { ...accountReference(of), first, after }, caller);

  it('pages with cursors: waiting ones by deadline, then the rest newest first, each once', async () => {
    const whole = (await pageOf(100, null)).data!._entities[0]!.disputes;
    expect(whole.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    const ids = whole.nodes.map((d) => d.id);
    expect(ids).toHaveLength(23);
    const waiting = whole.nodes.slice(0, 8);
    expect(waiting.every((d) => d.status.endsWith('needs_response'))).toBe(true);
    expect(waiting[0]!.evidenceDueBy).toBeNull(); // no deadline sorts first, as before
    const deadlines = waiting.slice(1).map((d) => new Date(d.evidenceDueBy!).getTime());
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    const rest = whole.nodes.slice(8).map((d) => new Date(d.createdAt).getTime());
    expect(rest).toEqual([...rest].sort((a, b) => b - a));

    for (const size of [1, 3, 8, 10]) {
      const paged: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 30; pages++) {
        const response = await pageOf(size, after);
        expect(response.errors).toBeUndefined();
        const page: Page['_entities'][number]['disputes'] = response.data!._entities[0]!.disputes;
        expect(page.nodes.length).toBeLessThanOrEqual(size);
        paged.push(...page.nodes.map((d) => d.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(ids);
    }
  });

  it("refuses a malformed cursor, or another account's, and lets the platform page too", async () => {
    const ada = await pageOf(1, null, accountCaller('acct_ada'), 'acct_ada');
    const adaCursor = ada.data!._entities[0]!.disputes.pageInfo.endCursor!;
    for (const after of [
      'nope',
      adaCursor,
      Buffer.from('["rest",1,"dp_1"]').toString('base64url'),
    ]) {
      const answer = await pageOf(5, after);
      expect(answer.errors?.[0]).toMatchObject({
        message: 'after is not a cursor this list gave out',
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
    }
    const first = await pageOf(5, null, platformA);
    const second = await pageOf(
      5,
      first.data!._entities[0]!.disputes.pageInfo.endCursor,
      platformA,
    );
    expect(second.errors).toBeUndefined();
    expect(second.data!._entities[0]!.disputes.nodes.map((d) => d.id)).toEqual(
      (await pageOf(100, null)).data!._entities[0]!.disputes.nodes.slice(5, 10).map((d) => d.id),
    );
    // Another platform's key reads nothing, and no cursor changes that.
    const stranger = await pageOf(5, null, platformCaller('plat_b'));
    expect(stranger.data!._entities[0]!.disputes).toEqual({
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('has an up-to-date schema.graphql', async () => {
    expect(await readFile(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(
      await printServiceSdl(disputesService),
    );
  });
});
