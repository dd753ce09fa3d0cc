import type { GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type { ContactKind, SettingsAccountFragment } from './generated/graphql.js';

graphql(`
  fragment SettingsAccount on Account {
    id
    displayName
    email
    phone
    country
    businessType
    statementDescriptor
    businessProfile {
      name
      url
      supportEmail
      supportPhone
    }
    platform {
      name
      supportEmail
      supportPhone
      supportUrl
      features {
        closeAccount
        editPublicInfo
      }
    }
  }
`);

// currentContact: where the second code went (the current email or phone), when there is one.
graphql(`
  fragment ContactChallenge on CodeChallenge {
    id
    maskedDestination
    expiresAt
    resendAvailableAt
    currentContact
  }
`);

/**
 * Every onboarding answer (ids masked by the server) and what verification says of them: the
 * onboarding query, which answers the signed-in account for itself.
 */
graphql(`
  fragment SettingsDetails on Onboarding {
    businessType
    detailsSubmitted
    steps {
      key
      fields {
        key
        kind
        value
      }
    }
    requirements {
      currentlyDue
      pendingVerification
      errors {
        requirement
      }
    }
  }
`);

const SETTINGS_DETAILS = graphql(`
  query SettingsDetails {
    onboarding {
      ...SettingsDetails
    }
  }
`);

const SETTINGS_ACCOUNT = graphql(`
  query SettingsAccount {
    me {
      ...SettingsAccount
    }
  }
`);

const UPDATE_PUBLIC_INFO = graphql(`
  mutation UpdatePublicInfo($input: PublicInfoInput!) {
    updateMyPublicInfo(input: $input) {
      ...SettingsAccount
    }
  }
`);

const START_CONTACT_CHANGE = graphql(`
  mutation StartContactChange($kind: ContactKind!, $value: String!) {
    startContactChange(kind: $kind, value: $value) {
      ...ContactChallenge
    }
  }
`);

const RESEND_CONTACT_CODE = graphql(`
  mutation ResendContactCode($challenge: ID!) {
    resendContactChangeCode(challenge: $challenge) {
      ...ContactChallenge
    }
  }
`);

const CONFIRM_CONTACT_CHANGE = graphql(`
  mutation ConfirmContactChange($challenge: ID!, $code: String!, $currentCode: String) {
    confirmContactChange(challenge: $challenge, code: $code, currentCode: $currentCode) {
      ...SettingsAccount
    }
  }
`);

const START_ACCOUNT_CLOSURE = graphql(`
  mutation StartAccountClosure {
    startAccountClosure {
      ...ContactChallenge
    }
  }
`);

const RESEND_ACCOUNT_CLOSURE_CODE = graphql(`
  mutation ResendAccountClosureCode($challenge: ID!) {
    resendAccountClosureCode(challenge: $challenge) {
      ...ContactChallenge
    }
  }
`);

const CLOSE_ACCOUNT = graphql(`
  mutation CloseAccount($challenge: ID!, $code: String!) {
    closeMyAccount(challenge: $challenge, code: $code) {
      closedAt
    }
  }
`);

const SIGN_OUT_EVERYWHERE = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

export type {
  ContactChallengeFragment as ContactChallenge,
  SettingsDetailsFragment as SettingsDetails,
  ContactKind,
  SettingsAccountFragment as SettingsAccount,
} from './generated/graphql.js';
export type BusinessProfile = NonNullable<SettingsAccountFragment['businessProfile']>;

/** The form's public information, as typed: empty text for what is not set. */
export interface PublicInfo {
  displayName: string;
  businessProfile: BusinessProfile;
  statementDescriptor: string;
}

/** Empty text means "not set": the server keeps null rather than an empty string. */
const orUndefined = (value: string | null) => (value ? value : undefined);

/** Everything the settings page reads and changes, through the gateway. */
export function settingsApi(client: GraphqlClient) {
  return {
    load: async () => (await client.query(SETTINGS_ACCOUNT)).me,
    loadDetails: async () => (await client.query(SETTINGS_DETAILS)).onboarding,
    savePublicInfo: async (info: PublicInfo) =>
      (
        await client.query(UPDATE_PUBLIC_INFO, {
          input: {
            displayName: info.displayName,
            statementDescriptor: orUndefined(info.statementDescriptor),
            businessProfile: {
              name: orUndefined(info.businessProfile.name),
              url: orUndefined(info.businessProfile.url),
              supportEmail: orUndefined(info.businessProfile.supportEmail),
              supportPhone: orUndefined(info.businessProfile.supportPhone),
            },
          },
        })
      ).updateMyPublicInfo,
    startContactChange: async (kind: ContactKind, value: string) =>
      (await client.query(START_CONTACT_CHANGE, { kind, value })).startContactChange,
    resendContactCode: async (challenge: string) =>
      (await client.query(RESEND_CONTACT_CODE, { challenge })).resendContactChangeCode,
    confirmContactChange: async (challenge: string, code: string, currentCode?: string) =>
      (
        await client.query(CONFIRM_CONTACT_CHANGE, {
          challenge,
          code,
          currentCode: currentCode ?? null,
        })
      ).confirmContactChange,
    startAccountClosure: async () =>
      (await client.query(START_ACCOUNT_CLOSURE)).startAccountClosure,
    resendAccountClosureCode: async (challenge: string) =>
      (await client.query(RESEND_ACCOUNT_CLOSURE_CODE, { challenge })).resendAccountClosureCode,
    closeAccount: async (challenge: string, code: string) =>
      (await client.query(CLOSE_ACCOUNT, { challenge, code })).closeMyAccount,
    signOutEverywhere: async () => (await client.query(SIGN_OUT_EVERYWHERE)).signOutEverywhere,
  };
}

export type SettingsApi = ReturnType<typeof settingsApi>;
