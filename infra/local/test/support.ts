import { afterAll, beforeAll } from 'vitest';
import { signCaller, type Caller } from '@dash/auth-context';
import { createPlatform } from '@dash/identity';
import { TEST_SECRET_KEYS } from '@dash/subgraph/testing';
import { graphqlRequest, type GraphqlResponse } from '@dash/testing';
import {
  DEMO_PLATFORM,
  DEMO_TEST_KEY,
  prepareIsolatedStackEnv,
  startStack,
  type IsolatedStackEnv,
  type RunningStack,
} from '../src/index.js';

export const platformKey = { authorization: `Bearer ${DEMO_TEST_KEY.secret}` };

/** A signed-in account of the demo platform, in test mode, as the gateway names it. */
export const demoAccountCaller = (accountId: string, sessionId?: string): Caller => ({
  kind: 'account',
  accountId,
  platformId: DEMO_PLATFORM.id,
  livemode: false,
  ...(sessionId ? { sessionId } : {}),
});

/** Calls one subgraph directly for `caller`, signed as the gateway signs what it forwards. */
export const asCaller =
  (stack: RunningStack, service: string, caller: Caller) =>
  <T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> => {
    const url = stack.services.find((candidate) => candidate.name === service)!.url;
    return graphqlRequest<T>(url, query, variables, {
      'x-dash-caller': signCaller(caller, TEST_SECRET_KEYS, { audience: service }),
    });
  };

export const extensionsOf = (response: GraphqlResponse<unknown>) =>
  response.errors?.[0]?.extensions as Record<string, unknown> | undefined;

/** Creates a US account through the platform's API, as the platform's server would. */
export async function createAccountThroughApi(
  stack: RunningStack,
  email: string,
  key: Record<string, string> = platformKey,
): Promise<string> {
  const created = await graphqlRequest<{ createAccount: { id: string } }>(
    stack.gatewayUrl,
    'mutation($e: String!) { createAccount(input: { email: $e, country: "US" }) { id } }',
    { e: email },
    key,
  );
  return created.data!.createAccount.id;
}

/**
 * Gives the test file a stack of its own (fresh databases, random ports): started before its
 * tests and handed to `started` (with the settings it was prepared with), stopped and dropped after them. `envOf` adjusts its settings.
 */
export function ownStack(
  label: string,
  started: (stack: RunningStack, prepared: IsolatedStackEnv) => void,
  envOf: (env: Record<string, string>) => Record<string, string> = (env) => env,
): void {
  let prepared: IsolatedStackEnv | undefined;
  let stack: RunningStack | undefined;
  beforeAll(async () => {
    prepared = await prepareIsolatedStackEnv(label);
    stack = await startStack(envOf(prepared.env), { randomPorts: true });
    started(stack, prepared);
  });
  afterAll(async () => {
    await stack?.stop();
    await prepared?.cleanup();
  });
}

/** A second platform beside the demo one, made in identity's database: answers its keys. */
export function anotherPlatform(stack: RunningStack, name: string) {
  const identity = stack.services.find((service) => service.name === 'identity')!;
  return createPlatform(identity.dataSource, { name });
}
