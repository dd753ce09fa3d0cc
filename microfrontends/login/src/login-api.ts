import type { GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type { LoginChannel, VerifyLoginCodeMutation } from './generated/graphql.js';

graphql(`
  fragment Challenge on LoginChallenge {
    id
    channel
    maskedDestination
    expiresAt
    resendAvailableAt
    alternativeChannels
    platform {
      name
      brandColor
      iconUrl
      supportEmail
      supportPhone
      supportUrl
    }
  }
`);

const START_LOGIN = graphql(`
  mutation StartLogin($token: String!) {
    startLogin(token: $token) {
      ...Challenge
    }
  }
`);

const START_EMAIL_LOGIN = graphql(`
  mutation StartEmailLogin($email: String!) {
    startEmailLogin(email: $email) {
      ...Challenge
    }
  }
`);

const RESEND_LOGIN_CODE = graphql(`
  mutation ResendLoginCode($challenge: ID!, $channel: LoginChannel) {
    resendLoginCode(challenge: $challenge, channel: $channel) {
      ...Challenge
    }
  }
`);

/** A right code: signed in (account), or the accounts of an email that has several (choose). */
const VERIFY_LOGIN_CODE = graphql(`
  mutation VerifyLoginCode($challenge: ID!, $code: String!) {
    verifyLoginCode(challenge: $challenge, code: $code) {
      account {
        id
      }
      choose {
        token
        accounts {
          id
          platformName
          businessName
        }
      }
    }
  }
`);

const CHOOSE_LOGIN_ACCOUNT = graphql(`
  mutation ChooseLoginAccount($token: String!, $account: ID!) {
    chooseLoginAccount(token: $token, account: $account) {
      account {
        id
      }
    }
  }
`);

export type {
  ChallengeFragment as Challenge,
  LoginChannel as Channel,
} from './generated/graphql.js';
/** One of the accounts a proven email can open. */
export type AccountChoice = NonNullable<
  VerifyLoginCodeMutation['verifyLoginCode']['choose']
>['accounts'][number];

/** The calls of a sign-in, through the gateway (which turns success into a cookie). */
export function loginApi(client: GraphqlClient) {
  return {
    start: async (token: string) => (await client.query(START_LOGIN, { token })).startLogin,
    startWithEmail: async (email: string) =>
      (await client.query(START_EMAIL_LOGIN, { email })).startEmailLogin,
    resend: async (challenge: string, channel?: LoginChannel) =>
      (await client.query(RESEND_LOGIN_CODE, { challenge, channel })).resendLoginCode,
    verify: async (challenge: string, code: string) =>
      (await client.query(VERIFY_LOGIN_CODE, { challenge, code })).verifyLoginCode,
    choose: async (token: string, account: string) =>
      (await client.query(CHOOSE_LOGIN_ACCOUNT, { token, account })).chooseLoginAccount,
  };
}
