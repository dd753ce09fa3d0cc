import { DEMO_TEST_KEY } from '@dash/local-stack';
import { graphqlRequest, type GraphqlResponse } from '@dash/testing';

/** The demo platform's test key, as its server sends it to the gateway. */
export const platformKey = { authorization: `Bearer ${DEMO_TEST_KEY.secret}` };

/** One GraphQL request to the gateway as the demo platform (no key: as a browser signing in). */
export const asPlatform = <T>(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = platformKey,
): Promise<GraphqlResponse<T>> => graphqlRequest<T>(gatewayUrl, query, variables, headers);

/** The code an error carries (UNAVAILABLE, BAD_USER_INPUT, ...), if any. */
/** A platform pays out 1.00 USD from an account, once per idempotency key. */
export const PAYOUT = `mutation($a: ID!, $k: String!) {
  createPayout(account: $a, input: { amount: 100, currency: "usd" }, idempotencyKey: $k) { id }
}`;

/** A platform reads an account's balance. */
export const BALANCE = 'query($id: ID!) { account(id: $id) { balances { available } } }';

export const errorCode = (response: GraphqlResponse<unknown>) =>
  response.errors?.[0]?.extensions?.code as string | undefined;

/** A test-mode US account of the demo platform, created through the API. */
export async function createAccount(gatewayUrl: string, email: string): Promise<string> {
  const created = await asPlatform<{ createAccount: { id: string } }>(
    gatewayUrl,
    'mutation($e: String!) { createAccount(input: { email: $e, country: "US" }) { id } }',
    { e: email },
  );
  if (!created.data) throw new Error(`createAccount: ${JSON.stringify(created.errors)}`);
  return created.data.createAccount.id;
}

/** A login link's token for the account (the last part of the link's path). */
export async function loginLinkToken(gatewayUrl: string, accountId: string): Promise<string> {
  const link = await asPlatform<{ createLoginLink: { url: string } }>(
    gatewayUrl,
    'mutation($a: ID!) { createLoginLink(account: $a) { url } }',
    { a: accountId },
  );
  if (!link.data) throw new Error(`createLoginLink: ${JSON.stringify(link.errors)}`);
  return new URL(link.data.createLoginLink.url).pathname.split('/').pop()!;
}

/** What a browser sends when a login link is opened: the code goes out by email. */
export const startLogin = (gatewayUrl: string, token: string) =>
  asPlatform<{ startLogin: { id: string; resendAvailableAt: string } }>(
    gatewayUrl,
    'mutation($t: String!) { startLogin(token: $t, channel: email) { id resendAvailableAt } }',
    { t: token },
    {},
  );

/** "Send me another code" for a sign-in under way. */
export const resendLoginCode = (gatewayUrl: string, challengeId: string) =>
  asPlatform<{ resendLoginCode: { id: string } }>(
    gatewayUrl,
    'mutation($c: ID!) { resendLoginCode(challenge: $c) { id } }',
    { c: challengeId },
    {},
  );

/** Self-serve sign-in by email (live-mode accounts; any other email gets the same answer). */
export const startEmailLogin = (gatewayUrl: string, email: string) =>
  asPlatform<{ startEmailLogin: { id: string } }>(
    gatewayUrl,
    'mutation($e: String!) { startEmailLogin(email: $e) { id } }',
    { e: email },
    {},
  );

/** Messages the notifications service recorded for `destination` (test mode: the dev outbox). */
export async function messagesTo(
  notificationsUrl: string,
  destination: string,
): Promise<Array<{ subject: string; text: string }>> {
  const outbox = notificationsUrl.replace('/graphql', '/dev/outbox');
  const response = await fetch(`${outbox}?to=${encodeURIComponent(destination)}`);
  const { messages } = (await response.json()) as {
    messages: Array<{ subject: string; text: string }>;
  };
  return messages;
}
