import { graphql } from './graphql.js';

export interface Account {
  id: string;
  email: string;
  country: string;
  defaultCurrency: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  requirements: { currentlyDue: string[] };
}

/**
 * Step 1: an Express account for a seller, driver or creator, in the mode of your key. Every
 * capability is off until its owner has been through onboarding (step 2).
 */
export async function createAccount(email: string, country = 'US'): Promise<Account> {
  const { createAccount } = await graphql<{ createAccount: Account }>(
    `
      mutation CreateAccount($input: CreateAccountInput!) {
        createAccount(input: $input) {
          id
          email
          country
          defaultCurrency
          chargesEnabled
          payoutsEnabled
          requirements {
            currentlyDue
          }
        }
      }
    `,
    { input: { email, country } },
  );
  return createAccount;
}
