import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityService } from '@dash/identity';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import type { RunningGateway } from '../src/index.js';
import type { RunningCoprocessor } from '../src/coprocessor/index.js';
import type { RequestLimits } from '../src/config.js';
import { bearer, platformWithAccount, startTestGateway } from './support.js';
import { routerRequest, sendStage, startTestCoprocessor } from './coprocessor-support.js';

/*
 * Several gateway replicas behind a load balancer, and the Router's coprocessor beside them,
 * share nothing but Redis: what one of them learns or counts, the others see at once.
 */
const identityPrefix = testRedisPrefix('replicas');
const prefixes = [identityPrefix];
const running: Array<{ stop(): Promise<void> }> = [];
let identity: TestService;
let platformSecret: string;

beforeAll(async () => {
  identity = await startTestService(identityService, { DASH_REDIS_PREFIX: identityPrefix });
  platformSecret = (await platformWithAccount(identity, 'Replica Co', 'acct_replica')).secret;
});
afterAll(async () => {
  await Promise.all(running.map((part) => part.stop()));
  await identity?.close();
  for (const prefix of prefixes) await deleteRedisPrefix(testRedisUrl(), prefix);
});

/** Two gateways and a coprocessor on one Redis prefix: the parts a load balancer spreads over. */
async function replicas(prefix: string, requestLimits?: RequestLimits) {
  const overrides = requestLimits ? { requestLimits } : {};
  const parts = await Promise.all([
    startTestGateway({ identity: identity.url }, prefix, overrides),
    startTestGateway({ identity: identity.url }, prefix, overrides),
  ]);
  const coprocessor = await startTestCoprocessor(identity.url, prefix, overrides);
  running.push(...parts, coprocessor);
  return { gateways: parts as [RunningGateway, RunningGateway], coprocessor };
}

type Outcome = 'served' | 'limited' | 'refused';

/** One request with `headers` to the i-th part (gateway, gateway, coprocessor, …). */
async function requestPart(
  parts: { gateways: RunningGateway[]; coprocessor: RunningCoprocessor },
  i: number,
  headers: Record<string, string>,
): Promise<Outcome> {
  if (i % 3 === 2) {
    const answer = await sendStage(parts.coprocessor.url, routerRequest(headers));
    const control = answer.json.control;
    if (control === 'continue') return 'served';
    return typeof control === 'object' && control.break === 429 ? 'limited' : 'refused';
  }
  const answer = await graphqlRequest(
    parts.gateways[i % 3]!.url,
    '{ platform { id } }',
    {},
    headers,
  );
  if (answer.status === 429) return 'limited';
  return answer.status === 200 && !answer.errors ? 'served' : 'refused';
}

const count = (outcomes: Outcome[], outcome: Outcome) =>
  outcomes.filter((each) => each === outcome).length;

describe('request limits are one budget across replicas', () => {
  it('an API key hit in parallel through two gateways and the coprocessor gets its limit once', async () => {
    const prefix = testRedisPrefix('replicas-key');
    prefixes.push(prefix);
    const parts = await replicas(prefix, { perKey: 12, perSession: 12, perAddress: 10_000 });
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => requestPart(parts, i, bearer(platformSecret))),
    );
    expect(count(outcomes, 'served')).toBe(12);
    expect(count(outcomes, 'limited')).toBe(48);
  });

  it('one client address rotating guessed keys over every part is limited once', async () => {
    const prefix = testRedisPrefix('replicas-address');
    prefixes.push(prefix);
    const parts = await replicas(prefix, { perKey: 10_000, perSession: 10_000, perAddress: 15 });
    const outcomes = await Promise.all(
      Array.from({ length: 45 }, (_, i) => requestPart(parts, i, bearer(`sk_test_guess${i}`))),
    );
    expect(count(outcomes, 'limited')).toBe(30);
    // The fifteen let through were asked about and refused: none was served.
    expect(count(outcomes, 'refused')).toBe(15);
  });
});

describe('batches spread over the replicas', () => {
  it('count each operation against the one budget, at the gateways and at the coprocessor', async () => {
    const prefix = testRedisPrefix('replicas-batch');
    prefixes.push(prefix);
    const parts = await replicas(prefix, { perKey: 12, perSession: 12, perAddress: 10_000 });
    const operations = Array(4).fill({ query: '{ platform { id } }' });
    // Nine requests in parallel, three through each part: 36 operations against a budget of 12.
    const served = await Promise.all(
      Array.from({ length: 9 }, async (_, i) => {
        if (i % 3 === 2) {
          const answer = await sendStage(parts.coprocessor.url, {
            ...routerRequest(bearer(platformSecret)),
            body: JSON.stringify(operations),
          });
          return answer.json.control === 'continue' ? operations.length : 0;
        }
        const response = await fetch(parts.gateways[i % 3]!.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(platformSecret) },
          body: JSON.stringify(operations),
        });
        return response.status === 200 ? ((await response.json()) as unknown[]).length : 0;
      }),
    );
    const total = served.reduce((sum, each) => sum + each, 0);
    expect(total).toBeGreaterThanOrEqual(4);
    expect(total).toBeLessThanOrEqual(12);
  });
});

describe('revocation under load reaches every replica at once', () => {
  it('once revokeApiKey answers on one gateway, no part serves the key again, though all had it cached', async () => {
    const prefix = identityPrefix;
    const parts = await replicas(prefix);
    const issued = await graphqlRequest<{
      createApiKey: { key: { id: string }; secret: string };
    }>(
      parts.gateways[0].url,
      'mutation { createApiKey { key { id } secret } }',
      {},
      bearer(platformSecret),
    );
    const leaked = issued.data!.createApiKey;
    const warm = await Promise.all(
      Array.from({ length: 9 }, (_, i) => requestPart(parts, i, bearer(leaked.secret))),
    );
    expect(count(warm, 'served')).toBe(9);

    // The other parts keep serving the key while the revocation runs on the first gateway.
    let revoked = false;
    const during: Promise<Outcome>[] = [];
    const load = (async () => {
      for (let i = 1; !revoked; i++) {
        if (i % 3 === 0) continue;
        during.push(requestPart(parts, i, bearer(leaked.secret)));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const answer = await graphqlRequest(
      parts.gateways[0].url,
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: leaked.key.id },
      bearer(platformSecret),
    );
    revoked = true;
    await load;
    await Promise.all(during);
    expect(answer.errors).toBeUndefined();

    const after = await Promise.all(
      Array.from({ length: 30 }, (_, i) => requestPart(parts, i, bearer(leaked.secret))),
    );
    expect(count(after, 'served')).toBe(0);
    // The platform's own key is untouched everywhere.
    const own = await Promise.all(
      Array.from({ length: 6 }, (_, i) => requestPart(parts, i, bearer(platformSecret))),
    );
    expect(count(own, 'served')).toBe(6);
  });
});
