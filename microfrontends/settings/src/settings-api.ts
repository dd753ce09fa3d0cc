import type { GraphqlClient } from '@dash/web-kit';

export type ContactKind = 'email' | 'phone';

export interface BusinessProfile {
  name: string | null;
  url: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
}

export interface SettingsAccount {
  id: string;
  displayName: string;
  email: string;
  phone: string | null;
  country: string;
  businessType: string | null;
  businessProfile: BusinessProfile | null;
  statementDescriptor: string | null;
  platform: { name: string; features: { closeAccount: boolean; editPublicInfo: boolean } };
}

export interface PublicInfo {
  displayName: string;
  businessProfile: BusinessProfile;
  statementDescriptor: string;
}

export interface ContactChallenge {
  id: string;
  maskedDestination: string;
  expiresAt: string;
  resendAvailableAt: string;
  /** Where the second code went (the current email or phone), when the account has one. */
  currentContact: string | null;
}

const ACCOUNT_FIELDS = `id displayName email phone country businessType statementDescriptor
  businessProfile { name url supportEmail supportPhone }
  platform { name features { closeAccount editPublicInfo } }`;
const CHALLENGE_FIELDS = 'id maskedDestination expiresAt resendAvailableAt currentContact';

/** Empty text means "not set": the server keeps null rather than an empty string. */
const orUndefined = (value: string | null) => (value ? value : undefined);

/** Everything the settings page reads and changes, through the gateway. */
export function settingsApi(client: GraphqlClient) {
  return {
    load: async () =>
      (
        await client.query<{ me: SettingsAccount }>(
          `query SettingsAccount { me { ${ACCOUNT_FIELDS} } }`,
        )
      ).me,
    savePublicInfo: async (info: PublicInfo) =>
      (
        await client.query<{ updateMyPublicInfo: SettingsAccount }>(
          `mutation UpdatePublicInfo($input: PublicInfoInput!) { updateMyPublicInfo(input: $input) { ${ACCOUNT_FIELDS} } }`,
          {
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
          },
        )
      ).updateMyPublicInfo,
    startContactChange: async (kind: ContactKind, value: string) =>
      (
        await client.query<{ startContactChange: ContactChallenge }>(
          `mutation StartContactChange($kind: ContactKind!, $value: String!) { startContactChange(kind: $kind, value: $value) { ${CHALLENGE_FIELDS} } }`,
          { kind, value },
        )
      ).startContactChange,
    resendContactCode: async (challenge: string) =>
      (
        await client.query<{ resendContactChangeCode: ContactChallenge }>(
          `mutation ResendContactCode($challenge: ID!) { resendContactChangeCode(challenge: $challenge) { ${CHALLENGE_FIELDS} } }`,
          { challenge },
        )
      ).resendContactChangeCode,
    confirmContactChange: async (challenge: string, code: string, currentCode?: string) =>
      (
        await client.query<{ confirmContactChange: SettingsAccount }>(
          `mutation ConfirmContactChange($challenge: ID!, $code: String!, $currentCode: String) { confirmContactChange(challenge: $challenge, code: $code, currentCode: $currentCode) { ${ACCOUNT_FIELDS} } }`,
          { challenge, code, currentCode: currentCode ?? null },
        )
      ).confirmContactChange,
    startAccountClosure: async () =>
      (
        await client.query<{ startAccountClosure: ContactChallenge }>(
          `mutation StartAccountClosure { startAccountClosure { ${CHALLENGE_FIELDS} } }`,
        )
      ).startAccountClosure,
    resendAccountClosureCode: async (challenge: string) =>
      (
        await client.query<{ resendAccountClosureCode: ContactChallenge }>(
          `mutation ResendAccountClosureCode($challenge: ID!) { resendAccountClosureCode(challenge: $challenge) { ${CHALLENGE_FIELDS} } }`,
          { challenge },
        )
      ).resendAccountClosureCode,
    closeAccount: async (challenge: string, code: string) =>
      (
        await client.query<{ closeMyAccount: { closedAt: string } }>(
          'mutation CloseAccount($challenge: ID!, $code: String!) { closeMyAccount(challenge: $challenge, code: $code) { closedAt } }',
          { challenge, code },
        )
      ).closeMyAccount,
    signOutEverywhere: async () =>
      (
        await client.query<{ signOutEverywhere: boolean }>(
          'mutation SignOutEverywhere { signOutEverywhere }',
        )
      ).signOutEverywhere,
  };
}

export type SettingsApi = ReturnType<typeof settingsApi>;
