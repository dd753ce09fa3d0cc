import type { CredentialEpochs } from '@dash/auth-context';
import type { Access, BaseContext } from '@dash/subgraph';
import type { AccountReader, AccountService } from './account/account.service.js';
import type { ApiKeyService } from './api-key/api-key.service.js';
import type { AccountSessions } from './embedding/account-session.service.js';
import type { LoginService } from './login/login.service.js';
import type { AccountLinks } from './onboarding/account-link.service.js';
import type { OnboardingService } from './onboarding/onboarding.service.js';
import type { PlatformService } from './platform/platform.service.js';
import type { PlatformBranding } from './branding/platform-branding.service.js';
import type { AccountClosureService } from './settings/account-closure.service.js';
import type { ContactChangeService } from './settings/contact-change.service.js';
import type { PayoutDetailsCodes } from './settings/payout-details-codes.service.js';
import type { TaxInformationService } from './tax-info/tax-information.service.js';
import type { AccountDetailsCodes } from './account-details/details-codes.service.js';
import type { VerificationDocuments } from './verification-document/verification-documents.service.js';
import type { RiskInterventions } from './risk-intervention/risk-interventions.service.js';

export interface IdentityContext extends BaseContext {
  /** The one gate every use case asks first (onboarding sessions: see onboarding-caller.rules). */
  access: Access;
  accounts: AccountService;
  /** This request's reads of accounts (each read once); changes use `accounts`. */
  accountReads: AccountReader;
  platforms: PlatformService;
  branding: PlatformBranding;
  apiKeys: ApiKeyService;
  /** Embedded components' account sessions and the origins they may be used from. */
  accountSessions: AccountSessions;
  login: LoginService;
  contactChange: ContactChangeService;
  payoutDetails: PayoutDetailsCodes;
  /** Codes for changing the submitted identity details from the dashboard. */
  accountDetails: AccountDetailsCodes;
  closure: AccountClosureService;
  /** A US account's W-9 and its consent to electronic tax forms. */
  taxInformation: TaxInformationService;
  accountLinks: AccountLinks;
  onboarding: OnboardingService;
  /** Identity documents sent for verification requirements, and their reviews. */
  verificationDocuments: VerificationDocuments;
  /** Risk interventions: placed and lifted by the platform, resolved by the account. */
  riskInterventions: RiskInterventions;
  /** Bumped after every revocation, so every gateway drops its cached copy at once. */
  credentialEpochs: CredentialEpochs;
}
