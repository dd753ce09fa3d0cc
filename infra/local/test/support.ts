import { signCaller, type Caller } from '@dash/auth-context';
import { TEST_SECRET_KEYS } from '@dash/subgraph/testing';
import { graphqlRequest, type GraphqlResponse } from '@dash/testing';
import { DEMO_PLATFORM, DEMO_TEST_KEY, type RunningStack } from '../src/index.js';

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
