import type { GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type { TaxInformationInput } from './generated/graphql.js';

graphql(`
  fragment TaxInformationFields on TaxInformation {
    tinType
    maskedTin
    legalName
    address {
      line1
      line2
      city
      state
      postalCode
    }
    prefilled
    certifiedAt
    certifiedName
    edeliveryConsent
    edeliveryConsentedAt
    edeliveryWithdrawnAt
  }
`);

graphql(`
  fragment TaxFormRow on TaxForm {
    id
    year
    type
    version
    corrected
    status
    amount
    currency
    createdAt
    downloadPath
  }
`);

const TAX_ACCOUNT = graphql(`
  query TaxAccount {
    me {
      id
      country
      platform {
        name
      }
      taxInformation {
        ...TaxInformationFields
      }
    }
  }
`);

const TAX_FORMS = graphql(`
  query TaxForms($after: String) {
    me {
      id
      taxForms(first: 25, after: $after) {
        nodes {
          ...TaxFormRow
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const START_CHANGE = graphql(`
  mutation StartTaxInformationChange {
    startTaxInformationChange {
      id
      maskedDestination
      resendAvailableAt
    }
  }
`);

const RESEND_CODE = graphql(`
  mutation ResendTaxInformationCode($challenge: ID!) {
    resendTaxInformationCode(challenge: $challenge) {
      id
      maskedDestination
      resendAvailableAt
    }
  }
`);

const SAVE = graphql(`
  mutation SaveTaxInformation($input: TaxInformationInput!, $challenge: ID!, $code: String!) {
    saveTaxInformation(input: $input, challenge: $challenge, code: $code) {
      ...TaxInformationFields
    }
  }
`);

const SET_CONSENT = graphql(`
  mutation SetTaxFormDeliveryConsent($consent: Boolean!) {
    setTaxFormDeliveryConsent(consent: $consent) {
      ...TaxInformationFields
    }
  }
`);

export type {
  TaxFormRowFragment as TaxFormRow,
  TaxInformationFieldsFragment as TaxInformation,
  TaxInformationInput,
  TinType,
} from './generated/graphql.js';

/**
 * The Tax forms page's reads and changes: the account's W-9 and consent (identity) and its
 * forms (the ledger), each asked of the gateway in its own request.
 */
export function taxApi(client: GraphqlClient) {
  return {
    account: async () => (await client.query(TAX_ACCOUNT)).me,
    forms: async (after: string | null) => (await client.query(TAX_FORMS, { after })).me.taxForms,
    startChange: async () => (await client.query(START_CHANGE)).startTaxInformationChange,
    resendCode: async (challenge: string) =>
      (await client.query(RESEND_CODE, { challenge })).resendTaxInformationCode,
    save: async (input: TaxInformationInput, challenge: string, code: string) =>
      (await client.query(SAVE, { input, challenge, code })).saveTaxInformation,
    setConsent: async (consent: boolean) =>
      (await client.query(SET_CONSENT, { consent })).setTaxFormDeliveryConsent,
  };
}

export type TaxApi = ReturnType<typeof taxApi>;
