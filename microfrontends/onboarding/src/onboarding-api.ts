import {
  GraphqlRequestError,
  payoutDetailsChange,
  uploadDocumentPage,
  type GraphqlClient,
} from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type {
  AddOnboardingBankAccountMutation,
  BankAccountInput,
  OnboardingFragment,
  OnboardingValueInput,
  VerificationDocumentInput,
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

/**
 * A draft: incomplete is fine, and all or nothing (BAD_USER_INPUT with fieldErrors). Once
 * submitted, a signed-in account's identity changes take the code sent to its own contact.
 */
const SAVE_ONBOARDING_DETAILS = graphql(`
  mutation SaveOnboardingDetails($values: [OnboardingValueInput!]!, $challenge: ID, $code: String) {
    saveOnboardingDetails(values: $values, challenge: $challenge, code: $code) {
      ...Onboarding
    }
  }
`);

graphql(`
  fragment DetailsChallenge on CodeChallenge {
    id
    maskedDestination
    resendAvailableAt
  }
`);

const START_ACCOUNT_DETAILS_CHANGE = graphql(`
  mutation StartAccountDetailsChange {
    startAccountDetailsChange {
      ...DetailsChallenge
    }
  }
`);

const RESEND_ACCOUNT_DETAILS_CODE = graphql(`
  mutation ResendAccountDetailsCode($challenge: ID!) {
    resendAccountDetailsCode(challenge: $challenge) {
      ...DetailsChallenge
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

/** Sends uploaded pages as the document for a requirement; test mode reviews it at once. */
const ATTACH_VERIFICATION_DOCUMENT = graphql(`
  mutation AttachVerificationDocument($input: VerificationDocumentInput!) {
    attachVerificationDocument(input: $input) {
      id
      status
      failureCode
      failureReason
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
  DetailsChallengeFragment as DetailsChallenge,
  OnboardingFieldKind as FieldKind,
  VerificationDocumentInput as DocumentInput,
  VerificationDocumentType as DocumentType,
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

/** A code the account typed for a change: the challenge it answers, and its digits. */
export interface StepUpAnswer {
  challenge: string;
  code: string;
}

/** Whether a save waits for the code an identity change needs (reason STEP_UP_REQUIRED). */
export const needsCode = (error: unknown) =>
  error instanceof GraphqlRequestError && error.extensions.reason === 'STEP_UP_REQUIRED';

/** Whether a save was refused for its values (each named in fieldErrors), not for its code. */
export const refusesValues = (error: unknown) =>
  error instanceof GraphqlRequestError &&
  error.code === 'BAD_USER_INPUT' &&
  Array.isArray(error.extensions.fieldErrors);

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
    save: async (values: OnboardingValueInput[], stepUp?: StepUpAnswer) =>
      (
        await client.query(SAVE_ONBOARDING_DETAILS, {
          values,
          challenge: stepUp?.challenge ?? null,
          code: stepUp?.code ?? null,
        })
      ).saveOnboardingDetails,
    /** The code for changing submitted identity details, sent to the account's own contact. */
    detailsCode: {
      start: async () =>
        (await client.query(START_ACCOUNT_DETAILS_CHANGE)).startAccountDetailsChange,
      resend: async (challenge: string) =>
        (await client.query(RESEND_ACCOUNT_DETAILS_CODE, { challenge })).resendAccountDetailsCode,
    },
    submit: async (userAgent: string) =>
      (await client.query(SUBMIT_ONBOARDING, { acceptTermsOfService: true, userAgent }))
        .submitOnboarding,
    addBankAccount: async (input: BankAccountInput) =>
      (await client.query(ADD_ONBOARDING_BANK_ACCOUNT, { input })).addOnboardingBankAccount,
    uploadDocumentPage,
    attachDocument: async (input: VerificationDocumentInput) =>
      (await client.query(ATTACH_VERIFICATION_DOCUMENT, { input })).attachVerificationDocument,
    /** A signed-in dashboard account's bank account: with a code to its own contact. */
    bankChange: payoutDetailsChange(client),
    signOut: async () => (await client.query(SIGN_OUT)).signOut,
  };
}

export type OnboardingApi = ReturnType<typeof onboardingApi>;
