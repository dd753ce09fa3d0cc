import { graphql } from './graphql.js';

/**
 * Step 2: a single-use link (five minutes) into hosted onboarding. Hand its URL to the
 * account's owner from your own signed-in pages (never by email). A spent link sends the
 * browser to `refreshUrl`, where you make a new one and redirect; the end of the flow goes to
 * `returnUrl`.
 */
export async function createAccountLink(
  account: string,
  urls: { refreshUrl: string; returnUrl: string },
): Promise<{ url: string; expiresAt: string }> {
  const { createAccountLink } = await graphql<{
    createAccountLink: { url: string; expiresAt: string };
  }>(
    `
      mutation CreateAccountLink($account: ID!, $refreshUrl: String!, $returnUrl: String!) {
        createAccountLink(
          account: $account
          type: account_onboarding
          refreshUrl: $refreshUrl
          returnUrl: $returnUrl
        ) {
          url
          expiresAt
        }
      }
    `,
    { account, ...urls },
  );
  return createAccountLink;
}

/**
 * After the owner comes back to `returnUrl`: waits until the account may take payments (the
 * answers are verified as they are submitted; in test mode, id number 000000000 verifies).
 */
export async function waitUntilOnboarded(account: string, timeoutMs = 10 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { account: state } = await graphql<{
      account: { chargesEnabled: boolean; requirements: { currentlyDue: string[] } };
    }>(
      'query Onboarded($id: ID!) { account(id: $id) { chargesEnabled requirements { currentlyDue } } }',
      {
        id: account,
      },
    );
    if (state.chargesEnabled) return;
    if (Date.now() > deadline)
      throw new Error(`Still due: ${state.requirements.currentlyDue.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
}
