import type { GraphqlClient } from '@dash/web-kit';

export type Channel = 'sms' | 'email';

export interface Challenge {
  id: string;
  channel: Channel;
  maskedDestination: string;
  expiresAt: string;
  resendAvailableAt: string;
  alternativeChannels: Channel[];
}

/** One of the accounts a proven email can open. */
export interface AccountChoice {
  id: string;
  platformName: string;
  businessName: string;
}

/** A right code: signed in (account), or the accounts of an email that has several (choose). */
export interface Verification {
  account: { id: string } | null;
  choose: { token: string; accounts: AccountChoice[] } | null;
}

const CHALLENGE_FIELDS =
  'id channel maskedDestination expiresAt resendAvailableAt alternativeChannels';

/** The calls of a sign-in, through the gateway (which turns success into a cookie). */
export function loginApi(client: GraphqlClient) {
  return {
    start: async (token: string) =>
      (
        await client.query<{ startLogin: Challenge }>(
          `mutation StartLogin($token: String!) { startLogin(token: $token) { ${CHALLENGE_FIELDS} } }`,
          { token },
        )
      ).startLogin,
    startWithEmail: async (email: string) =>
      (
        await client.query<{ startEmailLogin: Challenge }>(
          `mutation StartEmailLogin($email: String!) { startEmailLogin(email: $email) { ${CHALLENGE_FIELDS} } }`,
          { email },
        )
      ).startEmailLogin,
    resend: async (challenge: string, channel?: Channel) =>
      (
        await client.query<{ resendLoginCode: Challenge }>(
          `mutation ResendLoginCode($challenge: ID!, $channel: LoginChannel) {
          resendLoginCode(challenge: $challenge, channel: $channel) { ${CHALLENGE_FIELDS} }
        }`,
          { challenge, channel },
        )
      ).resendLoginCode,
    verify: async (challenge: string, code: string) =>
      (
        await client.query<{ verifyLoginCode: Verification }>(
          'mutation VerifyLoginCode($challenge: ID!, $code: String!) { verifyLoginCode(challenge: $challenge, code: $code) { account { id } choose { token accounts { id platformName businessName } } } }',
          { challenge, code },
        )
      ).verifyLoginCode,
    choose: async (token: string, account: string) =>
      (
        await client.query<{ chooseLoginAccount: { account: { id: string } } }>(
          'mutation ChooseLoginAccount($token: String!, $account: ID!) { chooseLoginAccount(token: $token, account: $account) { account { id } } }',
          { token, account },
        )
      ).chooseLoginAccount,
  };
}
