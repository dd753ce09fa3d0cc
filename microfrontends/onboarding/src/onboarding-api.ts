import { GraphqlRequestError, payoutDetailsChange, type GraphqlClient } from '@dash/web-kit';

export type AccountLinkType = 'ACCOUNT_ONBOARDING' | 'ACCOUNT_UPDATE';

export type FieldKind =
  | 'TEXT'
  | 'EMAIL'
  | 'PHONE'
  | 'URL'
  | 'DATE'
  | 'SELECT'
  | 'COUNTRY'
  | 'CHECKBOX'
  | 'PERCENT'
  | 'ID_NUMBER';

export interface OnboardingSession {
  type: AccountLinkType;
  returnUrl: string;
}

export interface OnboardingField {
  key: string;
  kind: FieldKind;
  /** Currently due; false is optional (eventually due). */
  required: boolean;
  /** The saved draft: DATE as YYYY-MM-DD, CHECKBOX "true"/"false", ID_NUMBER masked. */
  value: string | null;
  options: string[] | null;
  /** Verification refused what was given (an English reason). */
  error: string | null;
  errorCode: string | null;
}

export interface OnboardingStep {
  key: string;
  complete: boolean;
  fields: OnboardingField[];
}

export interface RequirementError {
  requirement: string;
  code: string;
  reason: string;
}

export interface Onboarding {
  accountId: string;
  country: string;
  livemode: boolean;
  businessType: string | null;
  type: AccountLinkType;
  returnUrl: string | null;
  platform: { name: string; brandColor: string; iconUrl: string | null };
  steps: OnboardingStep[];
  detailsSubmitted: boolean;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  requirements: {
    currentlyDue: string[];
    eventuallyDue: string[];
    pastDue: string[];
    pendingVerification: string[];
    errors: RequirementError[];
    currentDeadline: string | null;
    disabledReason: string | null;
  };
}

export interface OnboardingValue {
  key: string;
  value: string | null;
}

export interface BankAccountInput {
  country: string;
  currency: string;
  accountHolderName: string;
  routingNumber?: string;
  accountNumber: string;
}

export interface ExternalAccount {
  id: string;
  bankName: string | null;
  last4: string;
  currency: string;
}

/** One refused value of a save (BAD_USER_INPUT), named by its field key. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

const ONBOARDING_FIELDS = `accountId country livemode businessType type returnUrl
  platform { name brandColor iconUrl }
  steps { key complete fields { key kind required value options error errorCode } }
  detailsSubmitted chargesEnabled payoutsEnabled
  requirements {
    currentlyDue eventuallyDue pastDue pendingVerification
    errors { requirement code reason }
    currentDeadline disabledReason
  }`;

/** The refused values of a BAD_USER_INPUT save, or undefined for any other error. */
export function fieldErrorsOf(error: unknown): FieldError[] | undefined {
  if (!(error instanceof GraphqlRequestError) || error.code !== 'BAD_USER_INPUT') return undefined;
  const list = error.extensions.fieldErrors;
  if (Array.isArray(list)) {
    return list
      .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && !!entry)
      .filter((entry) => typeof entry.field === 'string')
      .map((entry) => ({
        field: entry.field as string,
        code: typeof entry.code === 'string' ? entry.code : '',
        message: typeof entry.message === 'string' ? entry.message : error.message,
      }));
  }
  // A refusal that names one field (the bank form, the terms) the way other mutations do.
  return error.field ? [{ field: error.field, code: '', message: error.message }] : [];
}

/** The fields still due when a submit is refused with REQUIREMENTS_DUE, or undefined. */
export function fieldsStillDue(error: unknown): string[] | undefined {
  if (!(error instanceof GraphqlRequestError) || error.code !== 'FAILED_PRECONDITION') return;
  if (error.extensions.reason !== 'REQUIREMENTS_DUE') return;
  const fields = error.extensions.fields;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}

/** Everything the onboarding flow reads and saves, through the gateway. */
export function onboardingApi(client: GraphqlClient) {
  return {
    /** Redeems the account link; the gateway turns success into an onboarding-only session. */
    open: async (token: string) =>
      (
        await client.query<{ openAccountLink: OnboardingSession }>(
          'mutation OpenAccountLink($token: String!) { openAccountLink(token: $token) { type returnUrl } }',
          { token },
        )
      ).openAccountLink,
    load: async () =>
      (
        await client.query<{ onboarding: Onboarding }>(
          `query Onboarding { onboarding { ${ONBOARDING_FIELDS} } }`,
        )
      ).onboarding,
    /** A draft: incomplete is fine, and all or nothing (BAD_USER_INPUT with fieldErrors). */
    save: async (values: OnboardingValue[]) =>
      (
        await client.query<{ saveOnboardingDetails: Onboarding }>(
          `mutation SaveOnboardingDetails($values: [OnboardingValueInput!]!) {
            saveOnboardingDetails(values: $values) { ${ONBOARDING_FIELDS} }
          }`,
          { values },
        )
      ).saveOnboardingDetails,
    submit: async (userAgent: string) =>
      (
        await client.query<{ submitOnboarding: Onboarding }>(
          `mutation SubmitOnboarding($acceptTermsOfService: Boolean!, $userAgent: String) {
            submitOnboarding(acceptTermsOfService: $acceptTermsOfService, userAgent: $userAgent) { ${ONBOARDING_FIELDS} }
          }`,
          { acceptTermsOfService: true, userAgent },
        )
      ).submitOnboarding,
    addBankAccount: async (input: BankAccountInput) =>
      (
        await client.query<{ addOnboardingBankAccount: ExternalAccount }>(
          `mutation AddOnboardingBankAccount($input: BankAccountInput!) {
            addOnboardingBankAccount(input: $input) { id bankName last4 currency }
          }`,
          { input },
        )
      ).addOnboardingBankAccount,
    /** A signed-in dashboard account's bank account: with a code to its own contact. */
    bankChange: payoutDetailsChange(client),
    /** Ends the account link's session, so the browser left behind cannot carry on. */
    signOut: async () =>
      (await client.query<{ signOut: boolean }>('mutation SignOut { signOut }')).signOut,
  };
}

export type OnboardingApi = ReturnType<typeof onboardingApi>;
