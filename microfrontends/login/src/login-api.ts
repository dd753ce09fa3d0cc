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

const CHALLENGE_FIELDS =
  'id channel maskedDestination expiresAt resendAvailableAt alternativeChannels';

/** The three calls of a sign-in, through the gateway (which turns success into a cookie). */
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
        await client.query<{ verifyLoginCode: { account: { id: string } } }>(
          'mutation VerifyLoginCode($challenge: ID!, $code: String!) { verifyLoginCode(challenge: $challenge, code: $code) { account { id } } }',
          { challenge, code },
        )
      ).verifyLoginCode,
  };
}
