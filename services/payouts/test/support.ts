import { randomUUID } from 'node:crypto';
import { signCaller, type Caller } from '@dash/auth-context';
import { createLogger } from '@dash/logger';
import { ONBOARDED, rememberAccount, savePlatform } from '@dash/subgraph';
import {
  accountCaller,
  platformCaller,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { graphqlRequest } from '@dash/testing';
import { assemblePayouts } from '../src/index.js';

export const platformA = platformCaller('plat_a');
export const platformB = platformCaller('plat_b');
export const asAccount = (accountId: string) => accountCaller(accountId, 'plat_a');

export const newKey = () => `key-${randomUUID()}`;

/** The accounts both services would learn from identity, written where each keeps them. */
export async function knownAccounts(services: TestService[], accountIds: string[]): Promise<void> {
  for (const service of services)
    await service.dataSource.transaction(async (manager) => {
      await savePlatform(manager, { id: 'plat_a', name: 'Rocket Rides', features: {} }, new Date());
      for (const accountId of accountIds)
        await rememberAccount(
          manager,
          { accountId, platformId: 'plat_a', livemode: false },
          ONBOARDED,
        );
    });
}

/**
 * The payouts use cases over the test service's own database, as another instance of the
 * service would have them: for driving the lifecycle and the scheduler step by step.
 */
export function payoutsInstance(payouts: TestService, env: Record<string, string>) {
  const deps = {
    dataSource: payouts.dataSource,
    log: createLogger('payouts-test', 'silent'),
    config: { internalSecret: TEST_SECRET_KEYS.for('payouts') },
    env,
  } satisfies Parameters<typeof assemblePayouts>[0];
  return assemblePayouts(deps);
}

/** A GraphQL call to any test service as `caller`, signed as the gateway would. */
export const callAs = <T>(
  service: TestService,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
) =>
  graphqlRequest<T>(service.url, query, variables, {
    'x-dash-caller': signCaller(caller, TEST_SECRET_KEYS, { audience: service.name }),
  });

export const US_BANK = {
  country: 'US',
  currency: 'usd',
  accountHolderName: 'Ada Lovelace',
  routingNumber: '110000000',
  accountNumber: '000123456789',
};
/** The simulated bank returns payouts to this one: no such account. */
export const FAILING_US_BANK = { ...US_BANK, accountNumber: '000111111116' };
export const VISA_DEBIT = {
  number: '4000056655665556',
  expMonth: 12,
  expYear: new Date().getUTCFullYear() + 2,
  currency: 'usd',
  country: 'US',
};
