/**
 * The whole flow, from a platform's server: an account, its onboarding link, a charge, a payout,
 * and the webhooks that tell you what happened. Run it against `npm start`:
 *
 *   DASH_API_KEY=sk_test_… npx tsx docs/api/examples/typescript/flow.ts
 *
 * It prints the onboarding link and waits until the account has been through it (in test mode,
 * use id number 000000000); a new charge's money is pending for DASH_AVAILABLE_DELAY_DAYS
 * (2 by default) before it can be paid out, so the payout asks for what is available now.
 */
import { pathToFileURL } from 'node:url';
import { createAccount } from './create-account.js';
import { createAccountLink, waitUntilOnboarded } from './create-account-link.js';
import { createCharge } from './create-charge.js';
import { createPayout } from './create-payout.js';
import { graphql } from './graphql.js';
import { createWebhookEndpoint, startWebhookReceiver } from './webhooks.js';

/** What is available to pay out now in `currency`, in minor units. */
export async function availableBalance(account: string, currency = 'usd'): Promise<number> {
  const { account: state } = await graphql<{
    account: { balances: Array<{ currency: string; available: number }> };
  }>('query Balance($id: ID!) { account(id: $id) { balances { currency available } } }', {
    id: account,
  });
  return state.balances.find((balance) => balance.currency === currency)?.available ?? 0;
}

async function main(): Promise<void> {
  // Webhooks first, so nothing that happens below is missed. The receiver must be reachable by
  // the notifications service; locally, 127.0.0.1 is (production refuses private addresses).
  let secret = '';
  const receiver = await startWebhookReceiver(
    () => secret,
    (event) => console.log(`webhook ✓ ${event.type} ${event.id}`),
  );
  ({ secret } = await createWebhookEndpoint(receiver.url));

  const account = await createAccount(`seller+${Date.now()}@example.com`);
  console.log('account', account.id, 'still due:', account.requirements.currentlyDue.length);

  const link = await createAccountLink(account.id, {
    refreshUrl: 'https://platform.example/onboarding/refresh',
    returnUrl: 'https://platform.example/onboarding/done',
  });
  console.log(`Open this within five minutes and complete onboarding:\n  ${link.url}`);
  await waitUntilOnboarded(account.id);

  const charge = await createCharge(account.id, 2500);
  console.log('charge', charge.id, charge.status, 'net', charge.net);

  const available = await availableBalance(account.id);
  if (available > 0) {
    const payout = await createPayout(account.id, available);
    console.log('payout', payout.id, payout.status, 'arrives', payout.arrivalDate);
  } else {
    console.log(
      `Nothing available yet: the charge settles on ${charge.balanceTransaction?.availableOn}.`,
    );
  }
  // Give the webhooks a moment to arrive, then stop.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  await receiver.stop();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
