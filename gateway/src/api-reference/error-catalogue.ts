import { readdir, readFile } from 'node:fs/promises';
import { ERROR_CODES, REQUEST_ERROR_CODES, type ErrorCode } from '@dash/errors';

/** What an error means, and what the caller should do about it. */
export interface ErrorDoc {
  meaning: string;
  action: string;
}

/** Every code a client can rely on (`extensions.code`). */
export const CODE_DOCS: Record<ErrorCode, ErrorDoc> = {
  BAD_USER_INPUT: {
    meaning:
      'An argument is not acceptable: a malformed value, a value out of range, or a combination the operation refuses. `extensions.field` names the input when one is to blame.',
    action: 'Correct the input named by `field` (or described by the message) and send it again.',
  },
  UNAUTHENTICATED: {
    meaning:
      'No valid credentials: no key or session, a revoked key, an ended session, or a login code or link that is no longer good.',
    action:
      'Send a valid `Authorization: Bearer sk_…` key, or sign in again. For a sign-in step, see its `reason`.',
  },
  FORBIDDEN: {
    meaning:
      'The caller is known but may not do this: the wrong kind of caller (an account calling a platform mutation), a switch the platform turned off, or a test-mode-only operation in live mode.',
    action:
      'Do not retry as is. Call with the right credentials, or have the platform turn the feature on (`reason` says which).',
  },
  NOT_FOUND: {
    meaning:
      'No such object for this caller. Objects of other platforms, and of the other mode, are reported as not found too.',
    action: 'Check the id and the key’s mode (test or live).',
  },
  CONFLICT: {
    meaning:
      'Another request changed the same thing first, or an idempotency key was reused with other parameters.',
    action:
      'Read the object again and decide; for IDEMPOTENCY_KEY_REUSED use a new key for a new operation.',
  },
  FAILED_PRECONDITION: {
    meaning:
      'The request is well formed, but the state of things forbids it now: a balance remains, the account is closed, onboarding is not finished, a payout is already on its way.',
    action:
      'Do not retry unchanged: change the state first (the `reason` and message say what), then try again.',
  },
  RATE_LIMITED: {
    meaning:
      'Too many requests (the gateway’s limits per key, session and address), or too many codes or uploads.',
    action:
      'Wait until `extensions.retryAt` (or the `Retry-After` header / `retryAfterSeconds` of a 429), then try again.',
  },
  UNAVAILABLE: {
    meaning:
      'A part of the system this depends on did not answer (a service, the database, Redis). Nothing was half done.',
    action:
      'Try again in a moment, with backoff. Money-moving mutations are safe to retry with the same idempotency key.',
  },
  INTERNAL_SERVER_ERROR: {
    meaning: 'Something unexpected failed on the server; the details are logged, never returned.',
    action:
      'Try again later; if it persists, report the `Request-Id` response header (also in `extensions.requestId`) to the operator.',
  },
};

/** Codes Apollo Server gives malformed requests, passed through as they are. */
export const REQUEST_CODE_DOCS: Record<(typeof REQUEST_ERROR_CODES)[number], ErrorDoc> = {
  GRAPHQL_PARSE_FAILED: {
    meaning: 'The query is not valid GraphQL syntax.',
    action: 'Fix the query text.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    meaning:
      'The query does not match the schema (an unknown field, a missing argument), or is too deep, too costly or has too many aliases.',
    action: 'Check the query against this reference; ask for less in one request.',
  },
  BAD_REQUEST: {
    meaning: 'The HTTP request is not a GraphQL request (no query, a body that is not JSON).',
    action: 'POST `{"query": …, "variables": …}` as `application/json`.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    meaning: 'An automatic persisted query’s hash is not known.',
    action: 'Send the full query text with the hash.',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    meaning: 'Persisted queries are not enabled.',
    action: 'Send the full query text.',
  },
  OPERATION_RESOLUTION_FAILURE: {
    meaning: 'The document holds several operations and `operationName` does not pick one.',
    action: 'Send `operationName`, or one operation per request.',
  },
};

/** One `reason`: the codes it comes with, and what it means. */
export interface ReasonDoc extends ErrorDoc {
  codes: ErrorCode[];
}

/**
 * Every `extensions.reason` the services return, by name. Kept by hand; the test beside the
 * supergraph test fails when the source has a reason this lacks, or this one the source no longer has.
 */
export const REASON_DOCS: Record<string, ReasonDoc> = {
  ACCOUNT_CHARGES_DISABLED: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'The account cannot take payments (or transfers) yet: its onboarding requirements are not met.',
    action:
      'Send the account through onboarding (`createAccountLink`); check `account { chargesEnabled requirements { currentlyDue } }`.',
  },
  ACCOUNT_CLOSED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The account is closed: it can be read, not changed or paid.',
    action: 'Nothing can be done for a closed account; create a new one if needed.',
  },
  ACCOUNT_NOT_OFFERED: {
    codes: ['BAD_USER_INPUT'],
    meaning: '`chooseLoginAccount` was given an account the sign-in did not offer.',
    action: 'Choose one of the accounts `verifyLoginCode` returned in `choose.accounts`.',
  },
  ACCOUNT_PAYOUTS_DISABLED: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'Payouts are paused: something is due, overdue or being verified. The balance keeps growing; automatic payouts are held, not failed.',
    action:
      'Have the account provide what is due (`createAccountLink` with type `account_update`), then pay out.',
  },
  ACCOUNT_REQUIRED: {
    codes: ['BAD_USER_INPUT'],
    meaning:
      'A platform uploaded an evidence file without naming the account (`POST /files?account=acct_…`).',
    action: 'Add `?account=acct_…` for one of your accounts.',
  },
  ALREADY_DISPUTED: {
    codes: ['CONFLICT', 'FAILED_PRECONDITION'],
    meaning: 'The payment already has a dispute; a payment is disputed once.',
    action: 'Work with the existing dispute (`account { disputes }`).',
  },
  ALREADY_REFUNDED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The payment has already been refunded in full.',
    action: 'Nothing is left to refund.',
  },
  AMOUNT_OUT_OF_RANGE: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'A reserve top-up’s amount is below 1 or above what one charge may be.',
    action: 'Send an amount within range (the error’s `max`), in minor units.',
  },
  AMOUNT_OVERFLOW: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The amount would take a balance or total beyond what the ledger holds exactly.',
    action: 'Move less money in one operation.',
  },
  ANSWER_LENGTH: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The answer to an information request must be 10 to 2,000 characters.',
    action: 'Write a fuller (or shorter) answer.',
  },
  BALANCE_REMAINING: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'A blocker of CLOSE_BLOCKED: the account still has money (or owes it) in some currency.',
    action: 'Pay out or settle the balance, then close the account.',
  },
  BANK_ACCOUNT_EXISTS: {
    codes: ['CONFLICT'],
    meaning:
      'During onboarding: the account already has a bank account or card, so none is added without a code.',
    action:
      'Carry on with onboarding; to change it, use the dashboard’s payout settings (`changeExternalAccount`).',
  },
  CARD_EXPIRED: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The debit card’s expiry date has passed.',
    action: 'Add a card that has not expired.',
  },
  CARD_NOT_DEBIT: {
    codes: ['BAD_USER_INPUT'],
    meaning:
      'The card is a credit or prepaid card, or its issuer does not confirm it as a debit card (`extensions.funding`): payouts go to debit cards only. In test mode, only Stripe’s test debit cards (4000056655665556, 5200828282828210) are debit cards.',
    action: 'Add a Visa or Mastercard debit card, or a bank account.',
  },
  CARD_NOT_SUPPORTED: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The card is not a Visa or Mastercard debit card.',
    action: 'Add a Visa or Mastercard debit card, or a bank account.',
  },
  CHALLENGE_INVALID: {
    codes: ['UNAUTHENTICATED'],
    meaning: 'The code challenge has ended (used, replaced, or not this account’s).',
    action: 'Ask for a new code (start the sign-in or change again).',
  },
  CHALLENGE_LOCKED: {
    codes: ['UNAUTHENTICATED'],
    meaning: 'Five wrong codes: the challenge is over.',
    action: 'Start again to get a new code.',
  },
  CHANNEL_UNAVAILABLE: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The code cannot go by that channel: the account has no phone (or no email).',
    action: 'Ask for the code by the other channel.',
  },
  CHARGE_DISPUTED: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'The payment has an open or lost chargeback: the card network decides where its money goes.',
    action: 'Do not refund it; answer the dispute instead.',
  },
  CLOSE_BLOCKED: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'The account cannot be closed yet; `extensions.blockers` lists why (BALANCE_REMAINING, PAYOUT_IN_PROGRESS, RECOVERY_IN_PROGRESS, OPEN_DISPUTE).',
    action: 'Settle each blocker, then close again.',
  },
  CLOSURE_CHECK_UNAVAILABLE: {
    codes: ['UNAVAILABLE'],
    meaning: 'A service that must agree to closing did not answer, so closing was refused.',
    action: 'Try again in a moment.',
  },
  CODES_UNAVAILABLE: {
    codes: ['UNAVAILABLE'],
    meaning:
      'Codes cannot be sent or checked right now (Redis or the delivery queue is out of reach).',
    action: 'Try again in a moment; nothing was sent or counted.',
  },
  CODE_EXPIRED: {
    codes: ['UNAUTHENTICATED'],
    meaning: 'The code is more than ten minutes old.',
    action: 'Ask for a new code (the resend mutation of the same flow).',
  },
  CODE_USED: {
    codes: ['UNAUTHENTICATED'],
    meaning: 'The code has already been used.',
    action: 'Ask for a new code.',
  },
  CODE_WRONG: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The code is not the one sent; `extensions.attemptsLeft` says how many tries remain.',
    action: 'Let the person type it again; after five wrong tries the challenge is locked.',
  },
  COUNTRY_NOT_SUPPORTED: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'Payouts to bank accounts in this country are not supported yet.',
    action: 'Use a bank account in a supported country, or a debit card.',
  },
  CURRENCY_HAS_BALANCE: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'The last bank account or card of a currency cannot be removed while the account has money (available, pending or in reserve) in that currency (`extensions.currency`).',
    action:
      'Add another bank account or card in that currency first, or wait until the balance is paid out.',
  },
  CURRENT_CODE_REQUIRED: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'A contact change needs the code sent to the current email or phone too.',
    action: 'Send `currentCode` with `confirmContactChange`.',
  },
  DEFAULT_EXTERNAL_ACCOUNT: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'The default bank account or card of a currency cannot be deleted while others of that currency remain.',
    action:
      'Make another one the default (`setDefaultExternalAccount`, or `setMyDefaultExternalAccount` from the dashboard) first.',
  },
  DETAILS_SUBMITTED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The account has submitted onboarding: the platform can no longer prefill it.',
    action: 'Send the account an `account_update` link to change its details itself.',
  },
  DISPUTE_CHANGED: {
    codes: ['CONFLICT'],
    meaning: 'The dispute changed while this request was working on it.',
    action: 'Read the dispute again and decide.',
  },
  DISPUTE_CLOSED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The dispute is closed: nothing more can be saved, submitted or accepted.',
    action: 'Nothing to do.',
  },
  DOCUMENT_ALREADY_VERIFIED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The requirement’s document is already verified.',
    action: 'Nothing to send; check `requirements` for what is still due.',
  },
  DOCUMENT_BACK_REQUIRED: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'An id card or driving licence needs its back as well as its front (`back`).',
    action: 'Upload the back and attach both.',
  },
  DOCUMENT_HAS_NO_BACK: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'A passport (or a company document) has no back; `back` must be left out.',
    action: 'Attach the front alone.',
  },
  DOCUMENT_NOT_REQUESTED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'That document requirement is not asked of this account now.',
    action:
      'Read `requirements`: a document is asked for after a failed check, or up front in some countries.',
  },
  DOCUMENT_TYPE_NOT_ACCEPTED: {
    codes: ['BAD_USER_INPUT'],
    meaning:
      'That document type does not answer this requirement (a person’s id for `individual.…`, a company document for `company.…`).',
    action: 'Choose one of the requirement’s accepted types.',
  },
  DOCUMENT_UNDER_REVIEW: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'A document for this requirement is being reviewed.',
    action: 'Wait for the review (an `account.updated` event tells its outcome).',
  },
  ENDPOINT_DISABLED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The webhook endpoint is disabled (by you, or after failing for 3 days).',
    action: 'Enable it (`updateWebhookEndpoint(id, disabled: false)`), then send again.',
  },
  EVIDENCE_INCOMPLETE: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'Evidence the dispute’s reason requires is missing; `extensions.missing` lists it.',
    action: 'Save the missing fields (`saveDisputeEvidence`), then submit.',
  },
  EVIDENCE_PAST_DUE: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The response deadline (`evidenceDueBy`) has passed.',
    action: 'Nothing can be submitted any more.',
  },
  EVIDENCE_SUBMITTED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'Evidence was already submitted; it is submitted once.',
    action: 'Wait for the card network’s decision.',
  },
  FEATURE_DISABLED: {
    codes: ['FORBIDDEN'],
    meaning:
      'The platform turned this off for its accounts; `extensions.feature` names the switch.',
    action: 'The platform can turn it on with `updatePlatformFeatures`.',
  },
  FILE_EMPTY: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The uploaded file has no bytes.',
    action: 'Upload the file again.',
  },
  FILE_NOT_FOUND: {
    codes: ['NOT_FOUND'],
    meaning: 'No uploaded file with that id belongs to this account and mode.',
    action: 'Upload the file (`POST /files?purpose=identity_document`) and use the id it answers.',
  },
  FILE_QUOTA_EXCEEDED: {
    codes: ['RATE_LIMITED'],
    meaning: 'The account has uploaded as many evidence files (or bytes) as it may for now.',
    action: 'Wait until `retryAt`, or reuse files already uploaded.',
  },
  FILE_TOO_LARGE: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The file is larger than `maxBytes`.',
    action: 'Upload a smaller file.',
  },
  FILE_TYPE_NOT_ALLOWED: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'Evidence files must be PDF, PNG or JPEG, as read from their bytes.',
    action: 'Convert the file to PDF, PNG or JPEG.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    codes: ['CONFLICT'],
    meaning: 'The idempotency key was used with other parameters (keys are kept 48 hours).',
    action: 'Use a new key for a new operation; reuse a key only to retry the same one.',
  },
  INSTANT_NEEDS_CARD: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'An instant payout was sent to a bank account; instant payouts go to a debit card.',
    action: 'Choose a debit card as `destination`, or a standard payout.',
  },
  INSUFFICIENT_FUNDS: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'The available balance (and reserve) does not cover the payout or refund; `extensions.fundable` says what would.',
    action: 'Ask for less, or wait for pending funds to become available.',
  },
  INTERVENTION_ALREADY_ACTIVE: {
    codes: ['CONFLICT'],
    meaning:
      'An intervention of this kind is already in force on the account: one of each kind at a time.',
    action:
      'Read `account { riskInterventions(status: active) }`; lift the one in force first to place it with other terms.',
  },
  INTERVENTION_NOT_ACTIVE: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The intervention was already lifted or resolved.',
    action: 'Nothing to do; `riskInterventions` shows when and by whom it was lifted.',
  },
  INVALID_BANK_ACCOUNT: {
    codes: ['BAD_USER_INPUT'],
    meaning:
      'The bank details do not pass the checks its banks would make (IBAN checksum, routing number, currency of the country); `field` names the part.',
    action: 'Correct the field named by `field`.',
  },
  INVALID_CARD: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The card number is not valid (it fails the Luhn check).',
    action: 'Check the number.',
  },
  KEY_OLDER_THAN_CALLER: {
    codes: ['FORBIDDEN'],
    meaning: 'A key may revoke only keys made after it: not itself, not an older key.',
    action: 'Revoke it with an older key, or the CLI (`npm run platform -- revoke-key`).',
  },
  LAST_EXTERNAL_ACCOUNT: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'The account’s only bank account or card cannot be removed: payouts would have nowhere to go.',
    action: 'Add another bank account or card first.',
  },
  LINK_EXPIRED: {
    codes: ['UNAUTHENTICATED'],
    meaning:
      'The login link or account link is more than five minutes old. For an account link, `extensions.refreshUrl` is the platform’s.',
    action:
      'Make a new link (the dashboard asks for one; an account link’s browser goes to `refreshUrl`).',
  },
  LINK_INVALID: {
    codes: ['UNAUTHENTICATED'],
    meaning: 'The link is not one we made, or its account can no longer use it.',
    action: 'Make a new link.',
  },
  LINK_USED: {
    codes: ['UNAUTHENTICATED'],
    meaning: 'The link was already opened; links are single use.',
    action: 'Make a new link.',
  },
  LIVE_KEY_REQUIRED: {
    codes: ['FORBIDDEN'],
    meaning: 'This platform setting is changed with a live key only.',
    action: 'Call with the platform’s live key.',
  },
  NOTHING_OWED: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'Internal: the platform was asked to cover a negative balance that is no longer negative.',
    action: 'Nothing to do: money that arrived meanwhile made the balance good.',
  },
  NOT_EMBEDDABLE: {
    codes: ['FORBIDDEN'],
    meaning:
      'An embedded component’s client secret asked for something outside its components (for example a platform query, or a change no component makes).',
    action:
      'Ask only what the components of the account session do; create the session with the components the page shows.',
  },
  NO_DOCUMENT_REQUESTED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'Identity documents are accepted only while the account is asked for one.',
    action: 'Read `requirements` before uploading.',
  },
  NO_EMBED_ORIGINS: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The platform lists no origin its web app embeds components from, in this mode.',
    action: 'Call `setEmbedOrigins` with your app’s origins, then create the account session.',
  },
  NOTHING_TO_PAY_OUT: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'There is nothing available to pay out.',
    action: 'Wait for pending funds to become available.',
  },
  NOT_DISPUTABLE: {
    codes: ['BAD_USER_INPUT', 'FAILED_PRECONDITION'],
    meaning:
      'Only a succeeded payment with money left (not refunded) can be disputed, up to what is left.',
    action: 'Dispute another payment, or a smaller amount.',
  },
  NOT_FAILED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'Only a failed delivery can be retried.',
    action: 'Nothing to do: it is queued or sent.',
  },
  NOT_REFUNDABLE: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'Only a succeeded payment can be refunded.',
    action: 'Nothing to refund: the payment failed or is pending.',
  },
  NO_DISPUTE_AWAITING_RESPONSE: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'Evidence files are taken only while the account has a dispute waiting for its response.',
    action: 'Upload files only for a dispute in `needs_response` or `warning_needs_response`.',
  },
  NO_EXTERNAL_ACCOUNT: {
    codes: ['BAD_USER_INPUT', 'FAILED_PRECONDITION'],
    meaning:
      'There is no bank account (or, for instant payouts, debit card) in this currency to pay to.',
    action: 'Add one (`createExternalAccount`), or name an existing `destination`.',
  },
  ONBOARDING_ONLY: {
    codes: ['FORBIDDEN'],
    meaning: 'This is allowed only in the onboarding session of an opened account link.',
    action: 'Open an account link first, or use the signed-in equivalent (which asks for a code).',
  },
  OPEN_DISPUTE: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'A blocker of CLOSE_BLOCKED: a dispute is still open.',
    action: 'Wait for the dispute to close (or accept it), then close the account.',
  },
  PAYOUT_IN_PROGRESS: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'A blocker of CLOSE_BLOCKED: a payout is on its way to the bank.',
    action: 'Wait until it arrives, then close the account.',
  },
  PAYOUT_NOT_CANCELABLE: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'Only a pending payout can be canceled; this one is on its way or done.',
    action: 'Nothing to do.',
  },
  PICK_INVALID: {
    codes: ['UNAUTHENTICATED'],
    meaning: 'The account-choice token of a self-serve sign-in has ended (used or expired).',
    action: 'Start the sign-in again.',
  },
  QUESTION_LENGTH: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The question must be at most 500 characters.',
    action: 'Shorten the question.',
  },
  QUESTION_NOT_FOR_KIND: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'A `question` was sent for a kind other than `require_information`.',
    action: 'Send a question only with `kind: require_information`.',
  },
  QUESTION_REQUIRED: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'An information request resolved by an answer needs the question to answer.',
    action: 'Send `question` with `resolution: answer`.',
  },
  REASON_LENGTH: {
    codes: ['BAD_USER_INPUT'],
    meaning: "An intervention's reason, or the reason for lifting it, must be 1 to 500 characters.",
    action: 'Shorten (or give) the reason: the account reads it in its dashboard.',
  },
  RECENT_CONTACT_CHANGE: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'The email or phone changed in the last 72 hours, so payout details, closing and self-serve sign-in wait; `extensions.retryAt` says until when.',
    action: 'Try again after `retryAt`.',
  },
  RECOVERY_ATTEMPT_OUT_OF_ORDER: {
    codes: ['FAILED_PRECONDITION'],
    meaning: "Internal: a recovery debit's try does not follow a failed one.",
    action: 'Nothing to do: the recovery chore tries again in order.',
  },
  RECOVERY_DEBIT_FAILED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: "Internal: a recovery debit's try already failed, so it cannot settle.",
    action: 'Nothing to do.',
  },
  RECOVERY_DEBIT_SETTLED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: "Internal: a recovery debit's try already settled, so it cannot fail.",
    action: 'Nothing to do.',
  },
  RECOVERY_IN_PROGRESS: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'A blocker of CLOSE_BLOCKED: a debit of the bank account recovering a negative balance is under way or will be tried again.',
    action: 'Wait until it settles (or the platform covers the balance), then close the account.',
  },
  REFUND_EXCEEDS_CHARGE: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The refund is more than what can still be refunded (`refundable`).',
    action: 'Refund at most `refundable`, or leave `amount` out to refund all that is left.',
  },
  REQUIREMENTS_DUE: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'Onboarding cannot be submitted while something is still due; `extensions.currentlyDue` lists it.',
    action: 'Answer what is due (`saveOnboardingDetails`), then submit.',
  },
  RESEND_TOO_SOON: {
    codes: ['RATE_LIMITED'],
    meaning: 'A new code was asked for too soon after the last one.',
    action: 'Wait until `retryAt` (the challenge’s `resendAvailableAt`).',
  },
  RESERVE_DAYS_RANGE: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'A rolling reserve holds money for 1 to 120 days.',
    action: 'Send `reserveDays` between 1 and 120.',
  },
  RESERVE_NOT_FOR_KIND: {
    codes: ['BAD_USER_INPUT'],
    meaning: '`reservePercent`/`reserveDays` were sent for a kind other than `rolling_reserve`.',
    action: 'Send reserve terms only with `kind: rolling_reserve`.',
  },
  RESERVE_PERCENT_RANGE: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'A rolling reserve needs a whole percentage from 1 to 50.',
    action: 'Send `reservePercent` between 1 and 50.',
  },
  RESOLUTION_NOT_FOR_KIND: {
    codes: ['BAD_USER_INPUT'],
    meaning:
      'That resolution is not possible for the kind: only `require_information` is resolved by `confirm` or `answer`; `require_document` always by a document.',
    action: 'Leave `resolution` out, or use `confirm`/`answer` with `require_information`.',
  },
  RISK_SETTING_OUT_OF_RANGE: {
    codes: ['BAD_USER_INPUT'],
    meaning:
      'A risk setting is outside its range, or a fraction where a whole number is due; `field` names it.',
    action: "See `RiskSettingsInput` for each setting's range.",
  },
  SAME_CONTACT: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The new email or phone is the one the account already has.',
    action: 'Enter a different one.',
  },
  SAME_FILE: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'The same file was given as the front and the back.',
    action: 'Upload each side as its own file.',
  },
  STEP_UP_REQUIRED: {
    codes: ['FORBIDDEN'],
    meaning:
      'A signed-in account is changing submitted identity details (legal name, date of birth, id number, address, company name or tax id, business type): that needs a code sent to its own phone or email. `fields` names them.',
    action:
      'Call `startAccountDetailsChange`, then `saveOnboardingDetails` again with `challenge` and the `code` that was sent.',
  },
  TAX_SETTINGS_MISSING: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'Tax forms name their payer: the platform has not set its legal name, address and EIN for the key’s mode.',
    action: 'Call `setTaxSettings` with `payerName`, `payerAddress` and `payerTin`, then generate.',
  },
  TEST_FILE_IN_LIVE_MODE: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'A test document (carrying a test marker) was uploaded for a live account.',
    action: 'Upload a photo or scan of a real document.',
  },
  TEST_MODE_ONLY: {
    codes: ['FORBIDDEN'],
    meaning:
      'Test disputes are made and decided with a test key; in live mode the card network does it.',
    action: 'Call with a test key.',
  },
  TOO_MANY_ATTEMPTS: {
    codes: ['RATE_LIMITED'],
    meaning: 'Too many codes were tried from this account or address in the last hour.',
    action: 'Wait until `retryAt`.',
  },
  TOO_MANY_CODES: {
    codes: ['RATE_LIMITED'],
    meaning: 'Too many codes were sent to this account, email or address in the last hour.',
    action: 'Wait until `retryAt`.',
  },
  TOO_MANY_ITEMS: {
    codes: ['BAD_USER_INPUT'],
    meaning: 'A list argument holds more items than it may (the message says how many).',
    action: 'Send fewer items per call.',
  },
  TOO_MANY_KEYS: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'A platform may have 10 active keys per mode.',
    action: 'Revoke a key you no longer use (`revokeApiKey`), then create one.',
  },
  TOPUP_DAILY_LIMIT: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'Reserve top-ups are limited per account, currency and day (`dailyMax`).',
    action: 'Add less, or try again tomorrow (UTC).',
  },
  TOPUP_FAILED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The top-up’s bank debit failed, so its money cannot be settled.',
    action: 'Nothing to do: the top-up is failed and no money moved.',
  },
  TOPUP_SETTLED: {
    codes: ['FAILED_PRECONDITION'],
    meaning: 'The top-up’s bank debit already settled, so it cannot fail any more.',
    action: 'Nothing to do.',
  },
  UNKNOWN_REQUIREMENT: {
    codes: ['BAD_USER_INPUT'],
    meaning: '`requirement` does not name a document requirement.',
    action:
      'Use one such as `individual.verification.document` or `company.verification.document`.',
  },
  US_ACCOUNTS_ONLY: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'Tax information (Form W-9) and US tax forms are for accounts in the United States; other accounts get no US forms.',
    action: 'Nothing to do for an account outside the US.',
  },
  WRONG_RESOLUTION: {
    codes: ['FAILED_PRECONDITION'],
    meaning:
      'The intervention is not resolved this way: a document is resolved by uploading it, some kinds only the platform lifts, and a question asks for an answer, not a confirmation (or the other way round).',
    action:
      "Check the intervention's `resolution`: `upload_document`, `confirm`, `answer` or `none`.",
  },
};

/**
 * How the source writes a reason: on a line that sets `reason` (`reason: 'X'`, `reason = 'X'`,
 * `reason: cond ? 'X' : 'Y'`), or as the reason argument of the helpers that take one:
 * `refused('X', …)` and `invalid(field, message, 'X')`.
 */
const REASON_LINE = /\breason\s*[:=][^\n]*/g;
const UPPER_LITERAL = /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})'/g;
const REASON_ARGUMENTS = [
  /\brefused\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /\binvalid\(\s*'[^']*',\s*(?:'[^']*'|`[^`]*`),\s*'([A-Z][A-Z0-9_]+)'/g,
];
const CODES = new Set<string>([...ERROR_CODES, ...REQUEST_ERROR_CODES]);

/** The reasons one source file writes. */
export function reasonsIn(text: string): string[] {
  const found: string[] = [];
  for (const [line] of text.matchAll(REASON_LINE))
    for (const [, literal] of line.matchAll(UPPER_LITERAL))
      if (!CODES.has(literal!)) found.push(literal!);
  for (const pattern of REASON_ARGUMENTS)
    for (const [, reason] of text.matchAll(pattern)) found.push(reason!);
  return found;
}

/** The folders whose TypeScript can return errors to a client, from the repository root. */
const SOURCE_ROOTS = ['services', 'packages', 'gateway/src'];
/** Tests, builds, this catalogue, the scaffold's templates and the browser's kit (it reads reasons). */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  'test',
  'testing',
  'api-reference',
  'scaffold',
  'web-kit',
]);

async function sourceFiles(dir: URL): Promise<URL[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = await Promise.all(
    entries.map(async (entry) => {
      const url = new URL(`${entry.name}${entry.isDirectory() ? '/' : ''}`, dir);
      if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(url);
      return /\.ts$/.test(entry.name) && !/\.(spec|test|d)\.ts$/.test(entry.name) ? [url] : [];
    }),
  );
  return files.flat();
}

/**
 * The `reason`s the source returns, each with the workspaces that return it (`identity`,
 * `packages/subgraph`), read from every non-test TypeScript file under services/, packages/
 * and gateway/src.
 */
export async function reasonsInSource(repoRoot: URL): Promise<Map<string, Set<string>>> {
  const reasons = new Map<string, Set<string>>();
  for (const root of SOURCE_ROOTS) {
    for (const file of await sourceFiles(new URL(`${root}/`, repoRoot))) {
      const text = await readFile(file, 'utf8');
      const relative = file.pathname.slice(repoRoot.pathname.length);
      const [top, name] = relative.split('/');
      const where = top === 'services' ? name! : top === 'gateway' ? 'gateway' : `${top}/${name}`;
      for (const reason of reasonsIn(text)) {
        if (!reasons.has(reason)) reasons.set(reason, new Set());
        reasons.get(reason)!.add(where);
      }
    }
  }
  return reasons;
}

const codeLink = (code: string) => `[${code}](#${code.toLowerCase()})`;

/** docs/api/errors.md: every code and every reason, what it means, what to do. */
export function renderErrorCatalogue(found: Map<string, Set<string>>): string {
  const reasons = [...found.keys()].sort();
  const section = (name: string, doc: ErrorDoc, extra: string[] = []) =>
    [`### ${name}`, '', ...extra, doc.meaning, '', `**What to do:** ${doc.action}`, ''].join('\n');
  return [
    '<!-- Generated by `npm run docs:api` from gateway/src/api-reference/error-catalogue.ts and the reasons in the source; do not edit by hand. -->',
    '',
    '# Errors',
    '',
    'Every error is an entry of the GraphQL `errors` list (HTTP 200, or 4xx for a request the',
    'gateway refuses before GraphQL), with a stable `extensions.code` and, where the caller can act',
    'on it, an `extensions.reason` and details such as `field`, `retryAt` or `refreshUrl`:',
    '',
    '```json',
    '{',
    '  "errors": [',
    '    {',
    '      "message": "Your balance (US$10.00) does not cover this payout (US$50.00).",',
    '      "path": ["createPayout"],',
    '      "extensions": {',
    '        "code": "FAILED_PRECONDITION",',
    '        "reason": "INSUFFICIENT_FUNDS",',
    '        "requestId": "…"',
    '      }',
    '    }',
    '  ],',
    '  "data": null',
    '}',
    '```',
    '',
    'Program against `code` and `reason`; the `message` is a sentence for people and may change.',
    '`extensions.field` names the input to blame for BAD_USER_INPUT. The `Request-Id` response',
    'header identifies the request in the operator’s logs. HTTP routes beside GraphQL (`POST /files`,',
    '`GET /exports/…`) answer `{ "error": { "code", "message" } }` with the same codes.',
    '',
    '## Codes',
    '',
    ...ERROR_CODES.map((code) => section(code, CODE_DOCS[code])),
    '### Request errors',
    '',
    'Apollo Server’s own codes for requests that never reach a resolver:',
    '',
    ...REQUEST_ERROR_CODES.map(
      (code) =>
        `- \`${code}\`: ${REQUEST_CODE_DOCS[code].meaning} ${REQUEST_CODE_DOCS[code].action}`,
    ),
    '',
    '## Reasons',
    '',
    'Listed from the services’ source (`reason` in `extensions`), with the codes each comes with',
    'and the services that return it.',
    '',
    ...reasons.map((reason) => {
      const doc = REASON_DOCS[reason] ?? {
        codes: [],
        meaning: 'Not described yet.',
        action: 'See the message.',
      };
      const where = [...found.get(reason)!].sort().join(', ');
      return section(reason, doc, [
        `Code: ${doc.codes.map(codeLink).join(' or ') || '—'}. Returned by: ${where}.`,
        '',
      ]);
    }),
  ].join('\n');
}
