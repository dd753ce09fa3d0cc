import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { platformCaller, startTestService, type TestService } from '@dash/subgraph/testing';
import { Account, identityService, isVerifiable, seedIdentity } from '../src/index.js';
import { AccountList } from '../src/account/account-list.service.js';

/**
 * The platform's accounts list: keyset pages, its filters, and its walls — another platform's
 * or mode's accounts never appear, whatever the filter or cursor.
 */

let service: TestService;
const testKey = platformCaller('plat_a');
const liveKey: Caller = { kind: 'platform', platformId: 'plat_a', livemode: true, keyId: 'k_l' };
const otherPlatform = platformCaller('plat_b');

const DAY = 24 * 3600 * 1000;
const now = Date.now();
/** Four accounts share each creation time, so pages end inside a tie. */
const createdAt = (i: number) => new Date(now - DAY + Math.floor(i / 4) * 1000);

/** A US individual's test-mode answers, verified, terms accepted, bank account given. */
function onboarded(id: string, pendingIdNumber = false): Partial<Account> {
  const answers: Record<string, string> = {
    'individual.first_name': 'Pat',
    'individual.last_name': id,
    'individual.email': `${id}@example.com`,
    'individual.phone': '+14155550142',
    'individual.dob': '1990-04-12',
    'individual.address.line1': '510 Townsend St',
    'individual.address.city': 'San Francisco',
    'individual.address.state': 'CA',
    'individual.address.postal_code': '94103',
    'individual.id_number': '000000000',
  };
  return {
    businessType: 'individual' as Account['businessType'],
    businessProfile: {
      name: null,
      url: `https://pat.example/${id}`,
      supportEmail: null,
      supportPhone: null,
      supportAddress: null,
    },
    onboardingDetails: answers,
    tosAcceptance: {
      date: new Date(now - 60 * DAY).toISOString(),
      ip: '127.0.0.1',
      userAgent: 't',
    },
    verification: Object.fromEntries(
      Object.keys(answers)
        .filter(isVerifiable)
        .map((key) => [
          key,
          { status: pendingIdNumber && key === 'individual.id_number' ? 'pending' : 'verified' },
        ]),
    ) as Account['verification'],
    externalAccountProvided: true,
  };
}

type Kind = 'enabled' | 'new' | 'overdue' | 'due' | 'pending';
/** What each of plat_a's test accounts is: its payouts and what is past due follow from it. */
const kindOf = (i: number): Kind =>
  (['enabled', 'new', 'overdue', 'due', 'pending'] as const)[i % 5]!;
const idOf = (i: number) => `acct_list${String(i).padStart(3, '0')}`;
const STALE = 10; // onboarded, but its "due since" outlived what was due: the rules decide

function row(i: number): Partial<Account> {
  const id = idOf(i);
  const base: Partial<Account> = {
    id,
    platformId: 'plat_a',
    livemode: false,
    displayName: `Account ${i}`,
    email: i === 100 || i === 200 ? 'shared@example.com' : `${id}@example.com`,
    country: 'US',
    defaultCurrency: 'usd',
    createdAt: createdAt(i),
  };
  switch (kindOf(i)) {
    case 'enabled':
      return {
        ...base,
        ...onboarded(id),
        requirementsDueSince: i === STALE ? new Date(now - 30 * DAY) : null,
      };
    case 'new':
      return base;
    case 'overdue':
      return {
        ...base,
        ...onboarded(id),
        externalAccountProvided: false,
        requirementsDueSince: new Date(now - 20 * DAY),
      };
    case 'due':
      return {
        ...base,
        ...onboarded(id),
        externalAccountProvided: false,
        requirementsDueSince: new Date(now - 2 * DAY),
      };
    case 'pending':
      return { ...base, ...onboarded(id, true) };
  }
}

const COUNT = 250;
const ownIds = new Set(Array.from({ length: COUNT }, (_, i) => idOf(i)));
/** Newest first: by creation time, then id, both descending. */
const newestFirst = (indexes: number[]) =>
  [...indexes]
    .sort(
      (a, b) => createdAt(b).getTime() - createdAt(a).getTime() || idOf(b).localeCompare(idOf(a)),
    )
    .map(idOf);
const all = Array.from({ length: COUNT }, (_, i) => i);

beforeAll(async () => {
  service = await startTestService(identityService);
  for (const id of ['plat_a', 'plat_b'])
    await seedIdentity(service.dataSource, {
      platform: { id, name: id, brandColor: '#5b4cf0' },
      accounts: [],
    });
  const strangers: Array<Partial<Account>> = [];
  for (let i = 0; i < 60; i++) {
    // Same creation times, same emails, every kind: only the platform or mode differs.
    const twin = row(i * 4);
    strangers.push(
      { ...twin, id: `acct_other${i}`, platformId: 'plat_b' },
      { ...twin, id: `acct_live${i}`, livemode: true },
    );
  }
  strangers.push(
    { ...row(100), id: 'acct_othershared', platformId: 'plat_b' },
    { ...row(200), id: 'acct_liveshared', livemode: true },
  );
  await service.dataSource
    .getRepository(Account)
    .insert([...all.map(row), ...strangers] as Account[]);
});
afterAll(() => service.close());

const LIST = `query($first: Int, $after: String, $filter: AccountFilterInput) {
  accounts(first: $first, after: $after, filter: $filter) {
    nodes { id livemode payoutsEnabled requirements { pastDue } }
    pageInfo { hasNextPage endCursor }
  }
}`;
interface Page {
  nodes: Array<{
    id: string;
    livemode: boolean;
    payoutsEnabled: boolean;
    requirements: { pastDue: string[] };
  }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function page(variables: Record<string, unknown>, caller: Caller = testKey) {
  const response = await service.query<{ accounts: Page }>(LIST, variables, caller);
  return response;
}

/** Every page of a filtered list, following endCursor while hasNextPage says so. */
async function everyPage(filter: Record<string, unknown> | undefined, first = 100) {
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    const response = await page({ first, after, filter });
    expect(response.errors).toBeUndefined();
    const current: Page = response.data!.accounts;
    pages.push(current);
    after = current.pageInfo.endCursor;
    if (!current.pageInfo.hasNextPage) break;
  } while (pages.length < 50);
  return { pages, ids: pages.flatMap((p) => p.nodes.map((node) => node.id)) };
}

describe("a platform's accounts, page by page", () => {
  it('gives each of 250 accounts exactly once, newest first, in pages of 100', async () => {
    const { pages, ids } = await everyPage(undefined);
    expect(pages.map((p) => p.nodes.length)).toEqual([100, 100, 50]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(ids).toEqual(newestFirst(all));
    expect(new Set(ids).size).toBe(COUNT);
    expect(pages.flatMap((p) => p.nodes).every((node) => node.livemode === false)).toBe(true);
  });

  it('pages the same with any page size, ties on the creation time included', async () => {
    expect((await everyPage(undefined, 7)).ids).toEqual(newestFirst(all));
    const empty = await page({ filter: { email: 'nobody@example.com' } });
    expect(empty.data!.accounts).toEqual({
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('shows the live key only live accounts, and another platform only its own', async () => {
    const live = await service.query<{ accounts: Page }>(
      '{ accounts(first: 100) { nodes { id livemode } pageInfo { hasNextPage } } }',
      {},
      liveKey,
    );
    expect(live.data!.accounts.nodes.map((n) => n.id).sort()).toEqual(
      [...Array.from({ length: 60 }, (_, i) => `acct_live${i}`), 'acct_liveshared'].sort(),
    );
    const other = await service.query<{ accounts: Page }>(
      '{ accounts(first: 100) { nodes { id } } }',
      {},
      otherPlatform,
    );
    expect(other.data!.accounts.nodes.every((n) => n.id.startsWith('acct_other'))).toBe(true);
    expect(other.data!.accounts.nodes).toHaveLength(61);
  });
});

describe('filters', () => {
  const expectOwn = (ids: string[]) => expect(ids.filter((id) => !ownIds.has(id))).toEqual([]);

  it('finds accounts by email, whatever its case, in this platform and mode only', async () => {
    const { ids } = await everyPage({ email: 'Shared@Example.COM' });
    expect(ids).toEqual([idOf(200), idOf(100)]);
    const other = await service.query<{ accounts: Page }>(
      LIST,
      { filter: { email: 'shared@example.com' } },
      otherPlatform,
    );
    // Theirs: the twins of 200 and 100 (same email, same creation time), and one more.
    expect(other.data!.accounts.nodes.map((n) => n.id)).toEqual([
      'acct_other50',
      'acct_othershared',
      'acct_other25',
    ]);
  });

  it('takes creation bounds: from inclusive, to exclusive', async () => {
    const from = createdAt(40); // the group of 40..43
    const to = createdAt(60); // the group of 60..63, left out
    const { ids } = await everyPage(
      { createdFrom: from.toISOString(), createdTo: to.toISOString() },
      6,
    );
    expect(ids).toEqual(newestFirst(all.filter((i) => i >= 40 && i < 60)));
    const since = await everyPage({ createdFrom: createdAt(240).toISOString() });
    expect(since.ids).toEqual(newestFirst(all.filter((i) => i >= 240)));
  });

  it('finds the accounts that can be paid out, and those that cannot, by the rules their fields show', async () => {
    const enabled = await everyPage({ payoutsEnabled: true }, 30);
    expect(enabled.ids).toEqual(newestFirst(all.filter((i) => kindOf(i) === 'enabled')));
    expect(enabled.pages.flatMap((p) => p.nodes).every((n) => n.payoutsEnabled)).toBe(true);
    const disabled = await everyPage({ payoutsEnabled: false });
    expect(disabled.ids).toEqual(newestFirst(all.filter((i) => kindOf(i) !== 'enabled')));
    expect(disabled.pages.flatMap((p) => p.nodes).some((n) => n.payoutsEnabled)).toBe(false);
  });

  it('finds the accounts with something past due, and those without', async () => {
    const pastDue = await everyPage({ requirementsPastDue: true });
    expect(pastDue.ids).toEqual(
      newestFirst(all.filter((i) => kindOf(i) === 'new' || kindOf(i) === 'overdue')),
    );
    expect(pastDue.ids).not.toContain(idOf(STALE));
    expect(
      pastDue.pages.flatMap((p) => p.nodes).every((n) => n.requirements.pastDue.length > 0),
    ).toBe(true);
    const current = await everyPage({ requirementsPastDue: false }, 40);
    expect(current.ids).toEqual(
      newestFirst(all.filter((i) => ['enabled', 'due', 'pending'].includes(kindOf(i)))),
    );
    expect(current.ids).toContain(idOf(STALE));
  });

  it('combines filters: each narrows what the others found', async () => {
    const window = {
      createdFrom: createdAt(100).toISOString(),
      createdTo: createdAt(180).toISOString(),
    };
    const overdueInWindow = await everyPage({ ...window, requirementsPastDue: true }, 9);
    expect(overdueInWindow.ids).toEqual(
      newestFirst(
        all.filter((i) => i >= 100 && i < 180 && (kindOf(i) === 'new' || kindOf(i) === 'overdue')),
      ),
    );
    const sharedEnabled = await everyPage({ email: 'shared@example.com', payoutsEnabled: true });
    expect(sharedEnabled.ids).toEqual([idOf(200), idOf(100)]); // both are kind "enabled"
    const sharedPastDue = await everyPage({
      email: 'shared@example.com',
      requirementsPastDue: true,
    });
    expect(sharedPastDue.ids).toEqual([]);
    const both = await everyPage({ payoutsEnabled: false, requirementsPastDue: false }, 25);
    expect(both.ids).toEqual(
      newestFirst(all.filter((i) => kindOf(i) === 'due' || kindOf(i) === 'pending')),
    );
    for (const ids of [overdueInWindow.ids, sharedEnabled.ids, both.ids]) expectOwn(ids);
  });

  it('reads at most its limit of rows per call, and then says where it stopped', async () => {
    const list = new AccountList(service.dataSource, { scanLimit: 40 });
    const tenant = { platformId: 'plat_a', livemode: false };
    const pages = [];
    let after: string | undefined;
    for (;;) {
      const current = await list.page(tenant, { payoutsEnabled: true }, 100, after);
      pages.push(current);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor!;
    }
    // 40 rows a call, half of them enabled (the rest wait on a check): fewer than asked for,
    // and more to come, until the list ends; each account once, in order.
    expect(pages.map((p) => p.nodes.length)).toEqual([20, 20, 10]);
    expect(pages.flatMap((p) => p.nodes.map((n) => n.id))).toEqual(
      newestFirst(all.filter((i) => kindOf(i) === 'enabled')),
    );
  });
});

describe('the walls between platforms and modes', () => {
  it("refuses a cursor from another platform's, another mode's or another list's page", async () => {
    const theirs = await service.query<{ accounts: Page }>(LIST, { first: 2 }, otherPlatform);
    const live = await service.query<{ accounts: Page }>(LIST, { first: 2 }, liveKey);
    const foreignCursors = [
      theirs.data!.accounts.pageInfo.endCursor!,
      live.data!.accounts.pageInfo.endCursor!,
      // A position of this very list, but not marked as one of its cursors (as other lists give).
      Buffer.from(JSON.stringify([createdAt(100).getTime(), idOf(100)])).toString('base64url'),
    ];
    for (const after of foreignCursors)
      for (const filter of [
        undefined,
        { payoutsEnabled: false },
        { email: 'shared@example.com' },
      ]) {
        const answer = await page({ first: 100, after, filter });
        expect(answer.errors?.[0]).toMatchObject({
          message: 'after is not a cursor this list gave out',
          extensions: { code: 'BAD_USER_INPUT', field: 'after' },
        });
        expect(answer.data).toBeNull();
      }
    // Their own cursors go on in their own list only.
    const next = await service.query<{ accounts: Page }>(
      LIST,
      { first: 100, after: theirs.data!.accounts.pageInfo.endCursor },
      otherPlatform,
    );
    expect(next.data!.accounts.nodes.every((n) => n.id.startsWith('acct_other'))).toBe(true);
  });

  it('never shows another platform or mode, whatever the filter', async () => {
    for (const filter of [
      { email: 'shared@example.com' },
      { payoutsEnabled: true },
      { payoutsEnabled: false, requirementsPastDue: true },
      { createdFrom: createdAt(0).toISOString() },
    ]) {
      const { ids } = await everyPage(filter);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => !ownIds.has(id))).toEqual([]);
    }
  });

  it('names the field of every bad input', async () => {
    const refusal = async (variables: Record<string, unknown>) =>
      (await page(variables)).errors?.[0];
    expect(await refusal({ after: 'not-a-cursor' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    expect(await refusal({ after: Buffer.from('{"a":1}').toString('base64url') })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    expect(
      await refusal({
        filter: {
          createdFrom: createdAt(60).toISOString(),
          createdTo: createdAt(40).toISOString(),
        },
      }),
    ).toMatchObject({
      message: 'createdFrom must be before createdTo',
      extensions: { code: 'BAD_USER_INPUT', field: 'createdFrom' },
    });
    const at = createdAt(60).toISOString();
    expect(await refusal({ filter: { createdFrom: at, createdTo: at } })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'createdFrom' },
    });
    expect(await refusal({ filter: { email: 'nope' } })).toMatchObject({
      message: 'email must be an email address',
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
    expect(await refusal({ first: 101 })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    expect(await refusal({ first: 0 })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    const asAccount = await page(
      {},
      { kind: 'account', accountId: idOf(0), platformId: 'plat_a', livemode: false },
    );
    expect(asAccount.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the SQL of the list', () => {
  const explain = async (filter: Parameters<AccountList['query']>[1], after?: number) => {
    const query = new AccountList(service.dataSource)
      .query(
        { platformId: 'plat_a', livemode: false },
        filter,
        new Date(),
        after === undefined ? undefined : { createdAt: createdAt(after), id: idOf(after) },
      )
      .take(101);
    const [sql, parameters] = query.getQueryAndParameters();
    return (await service.dataSource.query(`EXPLAIN ${sql}`, parameters)) as Array<{
      key: string | null;
      Extra: string | null;
    }>;
  };

  it('reads pages along the (platform, mode, created, id) index, without sorting', async () => {
    for (const [filter, after] of [
      [{}, undefined],
      [{}, 120],
      [{ payoutsEnabled: true }, 120],
      [{ createdFrom: createdAt(10), createdTo: createdAt(200) }, undefined],
    ] as const) {
      const [plan] = await explain(filter, after);
      expect(plan!.key).toBe('accounts_platform_mode_created');
      expect(plan!.Extra ?? '').not.toContain('filesort');
    }
  });

  it('finds an email by its own index', async () => {
    const [plan] = await explain({ email: 'shared@example.com' }, 120);
    expect(plan!.key).toBe('accounts_platform_mode_email');
    expect(plan!.Extra ?? '').not.toContain('filesort');
  });
});
