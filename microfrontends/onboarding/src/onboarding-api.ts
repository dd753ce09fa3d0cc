import { GraphqlRequestError, payoutDetailsChange, type GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type {
  AddOnboardingBankAccountMutation,
  BankAccountInput,
  OnboardingFragment,
  OnboardingValueInput,
} from './generated/graphql.js';

graphql(`
  fragment Onboarding on Onboarding {
    accountId
    country
    livemode
    businessType
    type
    returnUrl
    platform {
      name
      brandColor
      iconUrl
      supportEmail
      supportPhone
      supportUrl
    }
    steps {
      key
      complete
      fields {
        key
        kind
        required
        value
        options
        error
        errorCode
      }
    }
    detailsSubmitted
    chargesEnabled
    payoutsEnabled
    requirements {
      currentlyDue
      eventuallyDue
      pastDue
      pendingVerification
      errors {
        requirement
        code
        reason
      }
      currentDeadline
      disabledReason
    }
  }
`);

/** Redeems the account link; the gateway turns success into an onboarding-only session. */
const OPEN_ACCOUNT_LINK = graphql(`
  mutation OpenAccountLink($token: String!) {
    openAccountLink(token: $token) {
      type
      returnUrl
    }
  }
`);

const ONBOARDING = graphql(`
  query Onboarding {
    onboarding {
      ...Onboarding
    }
  }
`);

/** A draft: incomplete is fine, and all or nothing (BAD_USER_INPUT with fieldErrors). */
const SAVE_ONBOARDING_DETAILS = graphql(`
  mutation SaveOnboardingDetails($values: [OnboardingValueInput!]!) {
    saveOnboardingDetails(values: $values) {
      ...Onboarding
    }
  }
`);

const SUBMIT_ONBOARDING = graphql(`
  mutation SubmitOnboarding($acceptTermsOfService: Boolean!, $userAgent: String) {
    submitOnboarding(acceptTermsOfService: $acceptTermsOfService, userAgent: $userAgent) {
      ...Onboarding
    }
  }
`);

const ADD_ONBOARDING_BANK_ACCOUNT = graphql(`
  mutation AddOnboardingBankAccount($input: BankAccountInput!) {
    addOnboardingBankAccount(input: $input) {
      id
      bankName
      last4
      currency
    }
  }
`);

/** Ends the account link's session, so the browser left behind cannot carry on. */
const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);

export type {
  OnboardingFieldKind as FieldKind,
  OnboardingFragment as Onboarding,
  OnboardingValueInput as OnboardingValue,
} from './generated/graphql.js';
export type OnboardingStep = OnboardingFragment['steps'][number];
/** `value` is the saved draft: date as YYYY-MM-DD, checkbox "true"/"false", id_number masked. */
export type OnboardingField = OnboardingStep['fields'][number];
export type ExternalAccount = AddOnboardingBankAccountMutation['addOnboardingBankAccount'];

/** One refused value of a save (BAD_USER_INPUT), named by its field key. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

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
    open: async (token: string) =>
      (await client.query(OPEN_ACCOUNT_LINK, { token })).openAccountLink,
    load: async () => (await client.query(ONBOARDING)).onboarding,
    save: async (values: OnboardingValueInput[]) =>
      (await client.query(SAVE_ONBOARDING_DETAILS, { values })).saveOnboardingDetails,
    submit: async (userAgent: string) =>
      (await client.query(SUBMIT_ONBOARDING, { acceptTermsOfService: true, userAgent }))
        .submitOnboarding,
    addBankAccount: async (input: BankAccountInput) =>
      (await client.query(ADD_ONBOARDING_BANK_ACCOUNT, { input })).addOnboardingBankAccount,
    /** A signed-in dashboard account's bank account: with a code to its own contact. */
    bankChange: payoutDetailsChange(client),
    signOut: async () => (await client.query(SIGN_OUT)).signOut,
  };
}

export type OnboardingApi = ReturnType<typeof onboardingApi>;
